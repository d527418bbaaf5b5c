import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (nearly always 100). */
let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(
        execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim(),
      );
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond || 100;
}

/**
 * CPU milliseconds used so far by every process named `postgres`, with the
 * CPU of its children that ended: a backend that exits during the work is
 * reaped by the postmaster, whose children's times then hold its CPU.
 */
function postgresCpuMs(): number {
  let ticks = 0;
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return 0; // not Linux: the database's share is not counted
  }
  for (const pid of entries) {
    if (!/^\d+$/.test(pid)) {
      continue;
    }
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') {
        continue;
      }
      // Fields after "pid (comm)": state is field 3, utime 14, stime 15,
      // cutime 16 and cstime 17 (children waited for).
      const fields = stat.slice(close + 2).split(' ');
      ticks +=
        Number(fields[11]) +
        Number(fields[12]) +
        Number(fields[13]) +
        Number(fields[14]);
    } catch {
      // the process ended meanwhile
    }
  }
  return (ticks * 1000) / clockTicks();
}

/** CPU time used: this process (all its threads) and, on PostgreSQL, the database server. */
export interface CpuUse {
  processMs: number;
  databaseMs: number;
}

/**
 * Measures the CPU a piece of work uses on the whole machine's behalf: the
 * backend process, and the PostgreSQL server when `database` is true (with
 * SQLite in memory the database's work is the process's). Work on two cores
 * cannot finish in less wall time than its CPU time divided by two.
 */
export function cpuMeter(database: boolean) {
  const startProcess = process.cpuUsage();
  const startDatabase = database ? postgresCpuMs() : 0;
  return {
    stop(): CpuUse {
      const used = process.cpuUsage(startProcess);
      return {
        processMs: (used.user + used.system) / 1000,
        databaseMs: database ? postgresCpuMs() - startDatabase : 0,
      };
    },
  };
}
