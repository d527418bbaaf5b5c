/**
 * Summarises a `.cpuprofile` written by `--cpu-profile`: self time by
 * package (or folder of this repository) and by function.
 * `yarn workspace bench profile:summary FILE.cpuprofile [TOP]`
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

const [file, topArg] = process.argv.slice(2);
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
};
const byId = new Map(profile.nodes.map(n => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
for (const [id, us] of self) {
  const { callFrame } = byId.get(id)!;
  const where = callFrame.url
    .replace(/^file:\/\//, '')
    .replace(/.*node_modules\//, '')
    .replace(/.*\/(plugins|packages)\//, '$1/');
  const fn = `${callFrame.functionName || '(anonymous)'} ${where}:${
    callFrame.lineNumber + 1
  }`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  const parts = where.split('/');
  let pkg = parts[0] || callFrame.functionName || '(native)';
  if (where.startsWith('@')) {
    pkg = parts.slice(0, 2).join('/');
  } else if (parts[0] === 'plugins' || parts[0] === 'packages') {
    pkg = parts.slice(0, 4).join('/');
  }
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
}

function show(map: Map<string, number>, title: string) {
  process.stdout.write(`\n${title}\n`);
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([key, us]) =>
      process.stdout.write(
        `${(us / 1000).toFixed(0).padStart(8)} ms ${((us / total) * 100)
          .toFixed(1)
          .padStart(5)}%  ${key}\n`,
      ),
    );
}

process.stdout.write(`${file}: ${(total / 1000).toFixed(0)} ms sampled\n`);
show(byPackage, 'Self time by package (or repository folder)');
show(byFunction, 'Self time by function');
