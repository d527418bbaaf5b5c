/** Progress lines and the number formats the benchmarks print them with. */

/** A progress line on stdout, stamped with the time of day (UTC). */
export const log = (message: string) =>
  process.stdout.write(
    `  ${new Date().toISOString().slice(11, 19)} ${message}\n`,
  );

export const sleep = (ms: number) =>
  new Promise(resolve => setTimeout(resolve, Math.max(0, ms)));

export const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export const fmt = (n: number) => n.toLocaleString('en-US');
