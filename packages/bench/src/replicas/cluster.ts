import { knex, Knex } from 'knex';
import { Cluster, pgConnectionString, Replica, sleep } from '../harness';

const EVALUATED =
  /Scorecards evaluated: (\d+) results for (\d+) entities in \d+ ms; (\d+) changed, (\d+) removed/;

/** One scorecard evaluation a replica logged. */
export interface Evaluation {
  replica: string;
  /** Index of the log line, to find the ones after a point. */
  line: number;
  results: number;
  changed: number;
  removed: number;
}

export function evaluations(replicas: Replica[]): Evaluation[] {
  return replicas.flatMap(replica =>
    replica.lines.flatMap((text, line) => {
      const match = EVALUATED.exec(text);
      return match
        ? [
            {
              replica: replica.name,
              line,
              results: Number(match[1]),
              changed: Number(match[3]),
              removed: Number(match[4]),
            },
          ]
        : [];
    }),
  );
}

/** Waits for an evaluation logged by any of `replicas` after `since` (lines per replica). */
export async function nextEvaluation(
  replicas: Replica[],
  since: Map<string, number>,
  timeoutMs: number,
): Promise<Evaluation | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = evaluations(replicas).find(
      e => e.line >= (since.get(e.replica) ?? 0),
    );
    if (found) {
      return found;
    }
    await sleep(100);
  }
  return undefined;
}

export const linesNow = (replicas: Replica[]) =>
  new Map(replicas.map(r => [r.name, r.lines.length]));

/** The Flywheel plugin's database of a scratch set (`pluginDivisionMode: database`). */
export function flywheelDatabase(prefix: string): Knex {
  // node-postgres lets a connection string's database win over `database`.
  const url = new URL(pgConnectionString());
  url.pathname = `/${prefix}flywheel`;
  return knex({
    client: 'pg',
    connection: url.toString(),
    pool: { min: 0, max: 2 },
  });
}

/** Whether a replica holds the scheduler's ticket for the task now. */
export async function taskRunning(db: Knex, taskId: string) {
  const row = await db('backstage_backend_tasks__tasks')
    .where('id', taskId)
    .first('current_run_ticket');
  return Boolean(row?.current_run_ticket);
}

export async function count(db: Knex, table: string, where: object = {}) {
  const [row] = await db(table).where(where).count({ n: '*' });
  return Number(row.n);
}

/** A JSON call to a replica, as a user or as a backend. */
export function caller(cluster: Cluster, serviceToken: string) {
  return async (
    replica: Replica,
    method: string,
    path: string,
    as: { user: string } | 'service',
    body?: unknown,
  ): Promise<{ status: number; body: any }> => {
    const token =
      as === 'service' ? serviceToken : cluster.tokens.issue(as.user);
    const res = await fetch(`${replica.baseUrl}/api/flywheel${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: kept as text.
    }
    return { status: res.status, body: parsed };
  };
}
