import { Knex } from 'knex';
import { inList, isSqlite, variableBudget } from '../../database/engines';
import { chunk, toDate } from '../../database/rows';
import { bulkWrite } from '../../database/statements';
import {
  COMMITS,
  COMMIT_COLUMNS,
  CommitRow,
  DATA_VERSIONS,
  DEPLOYMENTS,
  DEPLOYMENTS_VERSION,
  DEPLOYMENT_COLUMNS,
  DEPLOYMENT_LOCK_KEY,
  DeploymentRow,
  FIRST_DEPLOYMENTS,
  FirstDeploymentRow,
} from './deploymentRows';

/** A deployment to store, its service resolved. */
export interface NewDeployment {
  id: string;
  entityRef: string;
  environment: string;
  result: string;
  startedAt: Date;
  finishedAt: Date;
  createdDate?: Date;
  name?: string;
  displayTitle?: string;
  url?: string;
  /** Hash of the posted content: the same hash again is a retry. */
  contentHash: string;
  commits: { sha: string; repoUrl: string; authoredAt?: Date }[];
}

/** What one write did. */
export interface DeploymentWrite {
  created: number;
  updated: number;
  unchanged: number;
  /** Services whose first successful production deployment this write recorded. */
  firstDeployments: {
    entityRef: string;
    deploymentId: string;
    deployedAt: Date;
  }[];
}

/** A production deployment as the metrics read it. */
export interface DeploymentFact {
  entityRef: string;
  success: boolean;
  finishedAt: Date;
}

/** Which services and when: refs undefined means every service. */
export interface DeploymentQuery {
  entityRefs?: readonly string[];
  from: Date;
  to: Date;
}

const isProductionSuccess = (d: { environment: string; result: string }) =>
  d.environment === 'PRODUCTION' && d.result === 'SUCCESS';

/**
 * Deployments, their commits, and each service's first successful production
 * deployment. Writes are idempotent by deployment id: the same content again
 * changes nothing, new content replaces the old.
 */
export class DeploymentStore {
  private readonly sqlite: boolean;
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly db: Knex) {
    this.sqlite = isSqlite(db);
  }

  /** Calls `listener` after each write of this store that changed data. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /**
   * The version of the deployment data: raised by every write that changes
   * it, on any replica. 0 before the first.
   */
  async dataVersion(): Promise<number> {
    const row = await this.db(DATA_VERSIONS)
      .where('name', DEPLOYMENTS_VERSION)
      .first('version');
    return row ? Number(row.version) : 0;
  }

  /** The services whose deployments were written after `version`. */
  async servicesChangedSince(version: number): Promise<string[]> {
    const rows = (await this.db(DEPLOYMENTS)
      .where('ingest_version', '>', version)
      .distinct('entity_ref')) as { entity_ref: string }[];
    return rows.map(r => r.entity_ref);
  }

  async write(
    deployments: NewDeployment[],
    now: Date,
  ): Promise<DeploymentWrite> {
    const write = await this.writeInTransaction(deployments, now);
    if (write.created + write.updated > 0) {
      this.listeners.forEach(listener => listener());
    }
    return write;
  }

  private async writeInTransaction(
    deployments: NewDeployment[],
    now: Date,
  ): Promise<DeploymentWrite> {
    return this.db.transaction(async trx => {
      if (!this.sqlite) {
        await trx.raw('SELECT pg_advisory_xact_lock(?)', [DEPLOYMENT_LOCK_KEY]);
      }
      const known = new Map<string, string>();
      for (const part of chunk(
        deployments.map(d => d.id),
        variableBudget(trx),
      )) {
        for (const row of (await trx(DEPLOYMENTS)
          .whereIn('deployment_id', part)
          .select('deployment_id', 'content_hash')) as DeploymentRow[]) {
          known.set(row.deployment_id, row.content_hash);
        }
      }
      const changed = deployments.filter(
        d => known.get(d.id) !== d.contentHash,
      );
      const write: DeploymentWrite = {
        created: changed.filter(d => !known.has(d.id)).length,
        updated: changed.filter(d => known.has(d.id)).length,
        unchanged: deployments.length - changed.length,
        firstDeployments: [],
      };
      if (changed.length === 0) {
        return write;
      }
      const version = await this.raiseVersion(trx);
      const replaced = changed.filter(d => known.has(d.id)).map(d => d.id);
      for (const part of chunk(replaced, variableBudget(trx))) {
        await trx(COMMITS).whereIn('deployment_id', part).delete();
      }
      await bulkWrite(
        trx,
        DEPLOYMENTS,
        DEPLOYMENT_COLUMNS,
        changed.map(d => toRow(d, now, version)),
        { keys: ['deployment_id'] },
      );
      await bulkWrite(
        trx,
        COMMITS,
        COMMIT_COLUMNS,
        changed.flatMap(d => {
          // A commit listed twice in one deployment is one commit.
          const shas = new Map(d.commits.map(c => [c.sha.toLowerCase(), c]));
          return [...shas].map(
            ([sha, c]): CommitRow => ({
              deployment_id: d.id,
              commit_sha: sha,
              repo_url: c.repoUrl,
              authored_at: c.authoredAt ?? null,
              entity_ref: d.entityRef,
              deployed_at: d.finishedAt,
              production_success: isProductionSuccess(d),
            }),
          );
        }),
      );
      write.firstDeployments = await this.updateFirstDeployments(trx, [
        ...new Set(changed.map(d => d.entityRef)),
      ]);
      return write;
    });
  }

  /** Raises the data version (writes are serial: lock or SQLite). */
  private async raiseVersion(trx: Knex.Transaction): Promise<number> {
    const row = await trx(DATA_VERSIONS)
      .where('name', DEPLOYMENTS_VERSION)
      .first('version');
    const version = (row ? Number(row.version) : 0) + 1;
    if (row) {
      await trx(DATA_VERSIONS)
        .where('name', DEPLOYMENTS_VERSION)
        .update({ version });
    } else {
      await trx(DATA_VERSIONS).insert({ name: DEPLOYMENTS_VERSION, version });
    }
    return version;
  }

  /**
   * Recomputes the first successful production deployment of the services a
   * write touched (a backfill may bring an earlier one, a correction may
   * turn one into a failure) and returns the services that had none before.
   */
  private async updateFirstDeployments(
    trx: Knex.Transaction,
    entityRefs: string[],
  ): Promise<DeploymentWrite['firstDeployments']> {
    const firsts: DeploymentWrite['firstDeployments'] = [];
    for (const part of chunk(entityRefs, variableBudget(trx) - 2)) {
      const before = new Map(
        (
          (await trx(FIRST_DEPLOYMENTS)
            .whereIn('entity_ref', part)
            .select('*')) as FirstDeploymentRow[]
        ).map(r => [r.entity_ref, r]),
      );
      const earliest = (await trx(`${DEPLOYMENTS} as d`)
        .whereIn('d.entity_ref', part)
        .where({ 'd.environment': 'PRODUCTION', 'd.result': 'SUCCESS' })
        .whereNotExists(
          trx(`${DEPLOYMENTS} as e`)
            .whereRaw('e.entity_ref = d.entity_ref')
            .where({ 'e.environment': 'PRODUCTION', 'e.result': 'SUCCESS' })
            .whereRaw(
              '(e.finished_at < d.finished_at OR (e.finished_at = d.finished_at AND e.deployment_id < d.deployment_id))',
            ),
        )
        .select('d.entity_ref', 'd.deployment_id', 'd.finished_at')) as {
        entity_ref: string;
        deployment_id: string;
        finished_at: Date | string | number;
      }[];
      const found = new Set(earliest.map(r => r.entity_ref));
      const gone = part.filter(ref => before.has(ref) && !found.has(ref));
      if (gone.length > 0) {
        await trx(FIRST_DEPLOYMENTS).whereIn('entity_ref', gone).delete();
      }
      await bulkWrite(
        trx,
        FIRST_DEPLOYMENTS,
        ['entity_ref', 'deployment_id', 'deployed_at'],
        earliest.map(r => ({
          entity_ref: r.entity_ref,
          deployment_id: r.deployment_id,
          deployed_at: toDate(r.finished_at),
        })),
        { keys: ['entity_ref'] },
      );
      for (const row of earliest) {
        if (!before.has(row.entity_ref)) {
          firsts.push({
            entityRef: row.entity_ref,
            deploymentId: row.deployment_id,
            deployedAt: toDate(row.finished_at),
          });
        }
      }
    }
    return firsts;
  }

  /** Production deployments that succeeded or failed, finished in [from, to). */
  async productionDeployments(
    query: DeploymentQuery,
  ): Promise<DeploymentFact[]> {
    const rows = (await this.scoped(
      this.db(DEPLOYMENTS),
      'entity_ref',
      query.entityRefs,
    )
      .where('environment', 'PRODUCTION')
      .whereIn('result', ['SUCCESS', 'FAILURE'])
      .where('finished_at', '>=', query.from)
      .where('finished_at', '<', query.to)
      .select('entity_ref', 'result', this.millis('finished_at'))) as Pick<
      DeploymentRow,
      'entity_ref' | 'result' | 'finished_at'
    >[];
    return rows.map(r => ({
      entityRef: r.entity_ref,
      success: r.result === 'SUCCESS',
      finishedAt: toDate(r.finished_at),
    }));
  }

  /** The services that ever reported a production deployment. */
  async reportingServices(
    entityRefs?: readonly string[],
  ): Promise<Set<string>> {
    const rows = (await this.scoped(
      this.db(DEPLOYMENTS),
      'entity_ref',
      entityRefs,
    )
      .where('environment', 'PRODUCTION')
      .distinct('entity_ref')) as { entity_ref: string }[];
    return new Set(rows.map(r => r.entity_ref));
  }

  /** Each service's first successful production deployment. */
  async firstDeployments(
    entityRefs?: readonly string[],
  ): Promise<Map<string, Date>> {
    const rows = (await this.scoped(
      this.db(FIRST_DEPLOYMENTS),
      'entity_ref',
      entityRefs,
    ).select('entity_ref', this.millis('deployed_at'))) as FirstDeploymentRow[];
    return new Map(rows.map(r => [r.entity_ref, toDate(r.deployed_at)]));
  }

  /**
   * Lead time for changes of each successful production deployment finished
   * in [from, to): from the earliest authored commit it shipped that no
   * earlier successful production deployment of the service shipped, to its
   * finish. Deployments without such a commit (a redeploy, or no authored
   * times) have no lead time.
   */
  async leadTimes(
    query: DeploymentQuery,
  ): Promise<{ entityRef: string; finishedAt: Date; seconds: number }[]> {
    const rows = (await this.scoped(
      this.db(`${COMMITS} as c`),
      'c.entity_ref',
      query.entityRefs,
    )
      .where('c.production_success', true)
      .whereNotNull('c.authored_at')
      .where('c.deployed_at', '>=', query.from)
      .where('c.deployed_at', '<', query.to)
      .whereNotExists(
        this.db(`${COMMITS} as e`)
          .whereRaw('e.entity_ref = c.entity_ref')
          .whereRaw('e.commit_sha = c.commit_sha')
          .where('e.production_success', true)
          .whereRaw('e.deployed_at < c.deployed_at'),
      )
      .groupBy('c.deployment_id', 'c.entity_ref', 'c.deployed_at')
      .select(
        'c.entity_ref',
        this.millis('c.deployed_at', 'deployed_at'),
        this.millis('min(c.authored_at)', 'first_authored'),
      )) as {
      entity_ref: string;
      deployed_at: Date | string | number;
      first_authored: Date | string | number;
    }[];
    return rows.map(r => {
      const finishedAt = toDate(r.deployed_at);
      return {
        entityRef: r.entity_ref,
        finishedAt,
        seconds: Math.max(
          0,
          (finishedAt.getTime() - toDate(r.first_authored).getTime()) / 1000,
        ),
      };
    });
  }

  /**
   * Failed production deployments finished in [from, to), each with the next
   * successful production deployment of its service, if any.
   */
  async recoveries(
    query: DeploymentQuery,
  ): Promise<{ entityRef: string; failedAt: Date; recoveredAt?: Date }[]> {
    const rows = (await this.scoped(
      this.db(`${DEPLOYMENTS} as f`),
      'f.entity_ref',
      query.entityRefs,
    )
      .where({ 'f.environment': 'PRODUCTION', 'f.result': 'FAILURE' })
      .where('f.finished_at', '>=', query.from)
      .where('f.finished_at', '<', query.to)
      .select(
        'f.entity_ref',
        this.millis('f.finished_at', 'finished_at'),
        this.db
          .select(
            this.db.raw(
              `${this.millisSql('min(s.finished_at)')} as recovered_at`,
            ),
          )
          .from(`${DEPLOYMENTS} as s`)
          .whereRaw('s.entity_ref = f.entity_ref')
          .where({ 's.environment': 'PRODUCTION', 's.result': 'SUCCESS' })
          .whereRaw('s.finished_at > f.finished_at')
          .as('recovered_at'),
      )) as {
      entity_ref: string;
      finished_at: Date | string | number;
      recovered_at: Date | string | number | null;
    }[];
    return rows.map(r => ({
      entityRef: r.entity_ref,
      failedAt: toDate(r.finished_at),
      ...(r.recovered_at === null
        ? {}
        : { recoveredAt: toDate(r.recovered_at) }),
    }));
  }

  /**
   * A timestamp read as epoch milliseconds. node-postgres parses every
   * timestamp it hands back from text (postgres-date), which for the 650,000
   * rows of an organisation-wide two-year series was a tenth of the
   * backend's CPU (bench:metrics:provider); a float8 is a plain number.
   * SQLite stores epoch milliseconds already.
   */
  private millisSql(expression: string): string {
    return this.sqlite
      ? expression
      : `(extract(epoch from ${expression}) * 1000)::float8`;
  }

  private millis(expression: string, as?: string): Knex.Raw {
    const name = as ?? expression.replace(/^.*\./, '');
    return this.db.raw(`${this.millisSql(expression)} as ${name}`);
  }

  /** Limits a query to some services, however many (one JSON parameter). */
  private scoped(
    query: Knex.QueryBuilder,
    column: string,
    entityRefs?: readonly string[],
  ): Knex.QueryBuilder {
    return entityRefs === undefined
      ? query
      : query.whereRaw(...inList(this.sqlite, column, entityRefs));
  }
}

function toRow(d: NewDeployment, now: Date, version: number): DeploymentRow {
  return {
    deployment_id: d.id,
    entity_ref: d.entityRef,
    environment: d.environment,
    result: d.result,
    started_at: d.startedAt,
    finished_at: d.finishedAt,
    created_date: d.createdDate ?? null,
    name: d.name ?? null,
    display_title: d.displayTitle ?? null,
    url: d.url ?? null,
    content_hash: d.contentHash,
    ingested_at: now,
    ingest_version: version,
  };
}
