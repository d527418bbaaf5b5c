import { Entity } from '@backstage/catalog-model';
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './backend';
import { log } from './log';
import type { ReplicaSpec } from './replicaMain';
import { BenchUserTokens } from './userTokens';

/** A backend replica in its own process. */
export interface Replica {
  name: string;
  baseUrl: string;
  /** Every line it logged so far (info and up). */
  lines: string[];
  /** Resolves once the process has exited. */
  exited: Promise<void>;
  /** SIGKILL: dies mid-work, as a crashed pod does. */
  kill(): Promise<void>;
  /** Killed or stopped. */
  readonly dead: boolean;
  /** SIGTERM: a graceful stop. */
  stop(): Promise<void>;
}

export interface ClusterOptions
  extends Omit<ReplicaSpec, 'port' | 'tokenKey' | 'seedFile'> {
  /** Fed to the catalog by the first replica before it is ready. */
  seed?: Entity[];
  /** Where each replica's log goes; a temp dir by default. */
  logDir?: string;
}

/** Replicas of one backend on shared databases, and tokens they all accept. */
export interface Cluster {
  replicas: Replica[];
  /** Signs user tokens every replica accepts. */
  tokens: BenchUserTokens;
  logDir: string;
  /** Starts one more replica (e.g. to replace a killed one). */
  add(name: string): Promise<Replica>;
  stop(): Promise<void>;
}

// The bench runs from its sources (never built), so this file's folder is
// where replicaMain.ts is.
// eslint-disable-next-line no-restricted-syntax
const MAIN = resolve(__dirname, 'replicaMain.ts');

function spawnReplica(
  name: string,
  spec: ReplicaSpec,
  logDir: string,
): Promise<Replica> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      MAIN,
    ],
    {
      env: {
        ...process.env,
        FLYWHEEL_REPLICA: JSON.stringify(spec),
        BENCH_LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const file = createWriteStream(join(logDir, `${name}.log`));
  const lines: string[] = [];
  const exited = new Promise<void>(done => child.once('exit', () => done()));
  return new Promise((resolveReady, reject) => {
    let ready = false;
    const onData = (chunk: Buffer) => {
      file.write(chunk);
      for (const line of chunk.toString().split('\n')) {
        if (!line) continue;
        lines.push(line);
        const match = /^REPLICA READY (\S+)/.exec(line);
        if (match && !ready) {
          ready = true;
          resolveReady({
            get dead() {
              return child.exitCode !== null || child.signalCode !== null;
            },
            name,
            baseUrl: match[1],
            lines,
            exited,
            kill: async () => {
              child.kill('SIGKILL');
              await exited;
            },
            stop: async () => {
              child.kill('SIGTERM');
              await exited;
            },
          });
        }
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    exited.then(() => {
      file.end();
      if (!ready) {
        reject(
          new Error(
            `Replica ${name} exited before it was ready:\n${lines
              .slice(-30)
              .join('\n')}`,
          ),
        );
      }
    });
  });
}

/** Starts `count` replicas on the same databases. */
export async function startCluster(
  count: number,
  options: ClusterOptions,
): Promise<Cluster> {
  const { seed, logDir: wantedLogDir, ...backend } = options;
  const logDir =
    wantedLogDir ?? mkdtempSync(join(tmpdir(), 'flywheel-replicas-'));
  const tokenKey = new BenchUserTokens('replicas').exportKey();
  let seedFile: string | undefined;
  if (seed) {
    seedFile = join(logDir, 'seed.json');
    writeFileSync(seedFile, JSON.stringify(seed));
  }
  const specFor = async (first: boolean): Promise<ReplicaSpec> => ({
    ...backend,
    port: await freePort(),
    tokenKey,
    seedFile: first ? seedFile : undefined,
  });
  const replicas: Replica[] = [];
  const start = async (name: string, first: boolean) => {
    const replica = await spawnReplica(name, await specFor(first), logDir);
    replicas.push(replica);
    return replica;
  };
  const stopAll = async () => {
    await Promise.all(replicas.map(r => r.stop().catch(() => undefined)));
  };
  try {
    // The first migrates every plugin's database and feeds the catalog, as
    // the first pod of a deploy does (Backstage's catalog, unlike Flywheel,
    // fails on a migration lock another replica holds); the rest start
    // together.
    await start('replica-1', true);
    await Promise.all(
      Array.from({ length: count - 1 }, (_, i) =>
        start(`replica-${i + 2}`, false),
      ),
    );
  } catch (error) {
    await stopAll();
    throw error;
  }
  replicas.sort((a, b) => a.name.localeCompare(b.name));
  log(
    `replicas: ${replicas
      .map(r => `${r.name} ${r.baseUrl}`)
      .join(', ')} (logs: ${logDir})`,
  );
  return {
    replicas,
    tokens: new BenchUserTokens('replicas', tokenKey),
    logDir,
    add: name => start(name, false),
    stop: stopAll,
  };
}
