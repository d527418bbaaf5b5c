import { createHash } from 'node:crypto';
import {
  AuthService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  DeploymentInput,
  DeploymentIngestResponse,
  flywheelDeploymentCreatePermission,
} from '@flywheel/plugin-flywheel-common';
import { CatalogReader } from '../../catalog/CatalogReader';
import { parseFullRef } from '../../catalog/entityRefs';
import type { GoldenPathInsightsSource } from '../../interfaces/goldenPathInsights';
import type { SurveyTriggers } from '../../interfaces/surveyTriggers';
import { authorizeOrThrow } from '../../permissions/authorize';
import { DeploymentStore, NewDeployment } from '../store/DeploymentStore';
import {
  MAX_BATCH,
  parseDeployments,
  ParsedDeployment,
} from './parseDeployments';
import { entityRepoKeys, repoKey } from './repoUrls';

/** The survey trigger event of a service's first production deployment. */
export const FIRST_PRODUCTION_DEPLOYMENT_EVENT = 'deployment.first-production';
/** A first deployment older than this (a backfill) asks nobody anything. */
const TRIGGER_MAX_AGE_MS = 7 * 86_400_000;
/** How long the repository → service index is reused. */
const INDEX_TTL_MS = 5 * 60_000;

/**
 * Takes deployments from CI/CD: checks the caller may record them, every
 * field, and that each names a catalog Component (by entityRef, or by a
 * commit's repoUrl matching the component's source location); then stores
 * them all or, on any problem, none. A service's first successful production
 * deployment fires the surveys' `deployment.first-production` trigger for
 * the person who created it.
 */
export class DeploymentIngest {
  private index?: { at: number; byRepo: Map<string, string[]> };

  constructor(
    private readonly deps: {
      store: DeploymentStore;
      catalog: CatalogReader;
      auth: AuthService;
      permissions: PermissionsService;
      insights: GoldenPathInsightsSource;
      surveyTriggers?: SurveyTriggers;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  async ingest(
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<DeploymentIngestResponse> {
    await authorizeOrThrow(
      this.deps.permissions,
      flywheelDeploymentCreatePermission,
      credentials,
    );
    return this.store(body);
  }

  /**
   * Deployments a backend module's source pulled: trusted code, so no
   * permission, but every other check of a POST.
   */
  async ingestFromSource(
    deployments: DeploymentInput[],
  ): Promise<DeploymentIngestResponse> {
    if (deployments.length === 0) {
      return { received: 0, created: 0, updated: 0, unchanged: 0 };
    }
    const totals = { received: 0, created: 0, updated: 0, unchanged: 0 };
    for (let i = 0; i < deployments.length; i += MAX_BATCH) {
      const part = await this.store({
        deployments: deployments.slice(i, i + MAX_BATCH),
      });
      totals.received += part.received;
      totals.created += part.created;
      totals.updated += part.updated;
      totals.unchanged += part.unchanged;
    }
    return totals;
  }

  private async store(body: unknown): Promise<DeploymentIngestResponse> {
    const parsed = parseDeployments(body);
    // Flywheel's own credentials: a CI token may be allowed nothing but
    // this endpoint, and the lookup only checks that the service exists.
    const own = await this.deps.auth.getOwnServiceCredentials();
    const resolved = await this.resolve(parsed, own);
    const now = this.now();
    const write = await this.deps.store.write(resolved, now);
    await this.fireFirstDeployments(write.firstDeployments, own, now);
    return {
      received: parsed.length,
      created: write.created,
      updated: write.updated,
      unchanged: write.unchanged,
    };
  }

  private async resolve(
    deployments: ParsedDeployment[],
    credentials: BackstageCredentials,
  ): Promise<NewDeployment[]> {
    const problems: string[] = [];
    const entities = new Map<string, Entity | undefined>();
    const resolved: NewDeployment[] = [];
    for (const [i, d] of deployments.entries()) {
      const place = deployments.length > 1 ? `deployments[${i}]` : 'deployment';
      let entityRef: string | undefined;
      if (d.entityRef) {
        let ref: string;
        try {
          ref = parseFullRef(d.entityRef, `${place}.entityRef`);
        } catch (e) {
          problems.push((e as Error).message);
          continue;
        }
        if (!entities.has(ref)) {
          entities.set(
            ref,
            await this.deps.catalog.getEntity(ref, credentials),
          );
        }
        const entity = entities.get(ref);
        if (!entity) {
          problems.push(`${place}.entityRef: no entity ${ref} in the catalog`);
          continue;
        }
        if (entity.kind.toLocaleLowerCase('en-US') !== 'component') {
          problems.push(
            `${place}.entityRef: ${ref} is a ${entity.kind}; deployments are of Components`,
          );
          continue;
        }
        entityRef = stringifyEntityRef(entity);
      } else {
        const matches = await this.byRepository(d, credentials);
        if (matches.length !== 1) {
          const urls = [...new Set(d.deploymentCommits!.map(c => c.repoUrl))];
          problems.push(
            matches.length === 0
              ? `${place}: no catalog Component has the repository ${urls.join(
                  ', ',
                )} as its source location; add entityRef`
              : `${place}: the repository ${urls.join(
                  ', ',
                )} is the source of ${matches.join(
                  ', ',
                )}; add entityRef to say which`,
          );
          continue;
        }
        entityRef = matches[0];
      }
      resolved.push(toNewDeployment(d, entityRef));
    }
    if (problems.length > 0) {
      throw new InputError(
        `Nothing was stored. ${problems.slice(0, 20).join('; ')}${
          problems.length > 20 ? `; and ${problems.length - 20} more` : ''
        }`,
      );
    }
    return resolved;
  }

  /** The Components whose source is a repository the commits name. */
  private async byRepository(
    d: ParsedDeployment,
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    const keys = d
      .deploymentCommits!.map(c => repoKey(c.repoUrl))
      .filter((k): k is string => k !== undefined);
    const lookup = (byRepo: Map<string, string[]>) => [
      ...new Set(keys.flatMap(k => byRepo.get(k) ?? [])),
    ];
    const fresh = this.index && Date.now() - this.index.at < INDEX_TTL_MS;
    let found = fresh ? lookup(this.index!.byRepo) : [];
    if (found.length === 0) {
      // A service registered since the index was built: read it again.
      const byRepo = new Map<string, string[]>();
      for (const c of await this.deps.catalog.listComponents(credentials)) {
        for (const key of entityRepoKeys(c.entity)) {
          byRepo.set(key, [...(byRepo.get(key) ?? []), c.entityRef]);
        }
      }
      this.index = { at: Date.now(), byRepo };
      found = lookup(byRepo);
    }
    return found;
  }

  private async fireFirstDeployments(
    firsts: { entityRef: string; deployedAt: Date }[],
    credentials: BackstageCredentials,
    now: Date,
  ) {
    const recent = firsts.filter(
      f => now.getTime() - f.deployedAt.getTime() <= TRIGGER_MAX_AGE_MS,
    );
    const { surveyTriggers } = this.deps;
    if (recent.length === 0 || !surveyTriggers) {
      return;
    }
    try {
      const insights = await this.deps.insights.entityInsights(credentials);
      for (const first of recent) {
        const entity = await this.deps.catalog.getEntity(
          first.entityRef,
          credentials,
        );
        const createdBy = entity
          ? insights.origin(entity, first.entityRef).createdBy
          : undefined;
        if (createdBy) {
          await surveyTriggers.fire({
            event: FIRST_PRODUCTION_DEPLOYMENT_EVENT,
            userRef: createdBy,
            context: { entityRef: first.entityRef },
          });
        }
      }
    } catch (error) {
      // The deployments are stored; a survey prompt is not worth a retry.
      this.deps.logger.warn(
        `Could not fire ${FIRST_PRODUCTION_DEPLOYMENT_EVENT}: ${error}`,
      );
    }
  }

  private now() {
    return this.deps.now?.() ?? new Date();
  }
}

function toNewDeployment(
  d: ParsedDeployment,
  entityRef: string,
): NewDeployment {
  const date = (value?: string) => (value ? new Date(value) : undefined);
  return {
    id: d.id,
    entityRef,
    environment: d.environment,
    result: d.result,
    startedAt: new Date(d.startedDate),
    finishedAt: new Date(d.finishedDate),
    createdDate: date(d.createdDate),
    name: d.name,
    displayTitle: d.displayTitle,
    url: d.url,
    contentHash: createHash('sha256')
      .update(JSON.stringify({ ...d, entityRef }))
      .digest('hex'),
    commits: (d.deploymentCommits ?? []).map(c => ({
      sha: c.commitSha,
      repoUrl: c.repoUrl,
      authoredAt: date(c.authoredDate),
    })),
  };
}
