import { log } from '../harness';

/** What the replica suite found: each check with what it saw. */
export class Checks {
  private readonly results: { name: string; ok: boolean; detail: string }[] =
    [];

  check(name: string, ok: boolean, detail: string) {
    this.results.push({ name, ok, detail });
    log(`${ok ? 'PASS' : 'FAIL'} ${name}: ${detail}`);
  }

  get failed() {
    return this.results.filter(r => !r.ok);
  }

  summary(): string {
    return [
      `${this.results.length - this.failed.length} of ${
        this.results.length
      } replica checks passed`,
      ...this.failed.map(r => `  FAILED ${r.name}: ${r.detail}`),
    ].join('\n');
  }
}
