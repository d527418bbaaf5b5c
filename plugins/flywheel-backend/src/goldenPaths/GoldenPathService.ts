import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  CREATED_AT_ANNOTATION,
  EntityProvenanceResponse,
  flywheelGoldenPathsReadPermission,
  flywheelRunCreatePermission,
  GoldenPathService as GoldenPathServiceRow,
  GoldenPathsResponse,
  GoldenPathSummary,
  GroupAdoptionResponse,
  MonthlyCount,
  RecordRunRequest,
  TEMPLATE_CHANGELOG_ANNOTATION,
  TEMPLATE_VERSION_ANNOTATION,
  hasDrifted,
  isGoldenPathTemplate,
  median,
  percent,
  readProvenance,
} from '@flywheel/plugin-flywheel-common';
import { DateTime, Settings } from 'luxon';
import { CatalogComponent, CatalogReader } from '../catalog/CatalogReader';
import { EntityVisibility, VisibleEntities } from '../catalog/EntityVisibility';
import { ownedInScope } from '../catalog/ownedInScope';
import { getOrCreate } from '../lang/getOrCreate';
import type {
  GoldenPathInsights,
  GoldenPathInsightsSource,
  ServiceOriginSource,
} from '../interfaces/goldenPathInsights';
import type { SurveyTriggers } from '../interfaces/surveyTriggers';
import {
  normalizeRef,
  parseEntityRefOrThrow,
  parseFullRef,
  parseRefOfKind,
} from '../catalog/entityRefs';
import { authorizeOrThrow } from '../permissions/authorize';
import { userRefOf } from '../permissions/principals';
import {
  hasFixedOffset,
  parseIsoInstant,
  readDateTime,
} from '../time/instants';
import {
  GoldenPathCatalog,
  GoldenPathComponent,
  GoldenPathSnapshot,
  groupByPath,
  listGoldenPathTemplates,
} from './GoldenPathCatalog';
import { ScaffolderRun, ScaffolderRunStore } from './ScaffolderRunStore';

/** What golden-path run metrics are counted by, for one caller. */
export interface RunScope {
  /** Whether the run counts for the caller: its path, service and owner visible. */
  counts(run: ScaffolderRun): boolean;
  /** A team's items with its visible sub-teams'; undefined: no such team. */
  ownedBy<T extends { ownerRef?: string }>(
    items: readonly T[],
    groupRef: string,
  ): T[] | undefined;
}

/**
 * A run counts for a caller who may see its template and the service and
 * team it names: otherwise a hidden service's creation would move the
 * caller's numbers.
 */
function runVisible(run: ScaffolderRun, visible: VisibleEntities): boolean {
  return (
    visible.all ||
    [run.templateRef, run.entityRef, run.ownerRef].every(
      ref => !ref || visible.has(ref),
    )
  );
}

const TREND_MONTHS = 12;
const DAY_MS = 86_400_000;

/** The metrics the golden-path domain publishes per entity. */
export const GOLDEN_PATH_METRICS = [
  'goldenPath.creationTimeSeconds',
  'entity.ageDays',
] as const;

/** The survey trigger event fired when a golden-path run succeeds. */
export const SCAFFOLDER_RUN_COMPLETED_EVENT = 'scaffolder.run.completed';

function templateInfo(template: Entity) {
  return {
    templateRef: stringifyEntityRef(template),
    version:
      template.metadata.annotations?.[TEMPLATE_VERSION_ANNOTATION] || undefined,
    title: template.metadata.title ?? template.metadata.name,
  };
}

/** Entity refs are ASCII: compared as code units, far faster than locales. */
const byEntityRef = (a: { entityRef: string }, b: { entityRef: string }) =>
  a.entityRef < b.entityRef ? -1 : Number(a.entityRef > b.entityRef);

/** The UTC month (yyyy-MM) of an ISO date-time, as luxon would read it. */
function utcMonthOf(iso: string): string | undefined {
  const ms = parseIsoInstant(iso);
  if (ms !== undefined) {
    return new Date(ms).toISOString().slice(0, 7);
  }
  const parsed = DateTime.fromISO(iso, { zone: 'utc' });
  return parsed.isValid ? parsed.toFormat('yyyy-MM') : undefined;
}

/**
 * Golden-path numbers: adoption, runs, service creation time and drift, all
 * counted from the catalog (so services created before Flywheel count too)
 * and the recorded scaffolder runs.
 */
export class GoldenPathService
  implements GoldenPathInsightsSource, ServiceOriginSource
{
  private readonly catalog: CatalogReader;
  private readonly runs: ScaffolderRunStore;
  private readonly permissions: PermissionsService;
  private readonly visibility: EntityVisibility;
  private readonly now: () => DateTime;
  private readonly surveyTriggers?: SurveyTriggers;
  /** The catalog as golden-path pages count it, shared by every request. */
  readonly snapshots: GoldenPathCatalog;
  private readonly rowsOf = new WeakMap<
    readonly CatalogComponent[],
    {
      rows: GoldenPathServiceRow[];
      drifted: GoldenPathServiceRow[];
      /** Each row's creation month, from its provenance. */
      createdMonths: (string | undefined)[];
    }
  >();

  constructor(deps: {
    catalog: CatalogReader;
    runs: ScaffolderRunStore;
    permissions: PermissionsService;
    auth: AuthService;
    /** What each caller may see of the catalog's Components and Templates. */
    visibility: EntityVisibility;
    now?: () => DateTime;
    /** Fired when a golden-path run succeeds. */
    surveyTriggers?: SurveyTriggers;
    snapshotTtlMs?: number;
  }) {
    this.catalog = deps.catalog;
    this.runs = deps.runs;
    this.permissions = deps.permissions;
    this.visibility = deps.visibility;
    this.now = deps.now ?? (() => DateTime.utc());
    this.surveyTriggers = deps.surveyTriggers;
    this.snapshots = new GoldenPathCatalog({
      catalog: deps.catalog,
      auth: deps.auth,
      insights: this,
      ttlMs: deps.snapshotTtlMs,
    });
  }

  async listGoldenPaths(
    credentials: BackstageCredentials,
  ): Promise<GoldenPathsResponse> {
    await authorizeOrThrow(
      this.permissions,
      flywheelGoldenPathsReadPermission,
      credentials,
    );
    const { templates, components, byPath, visible } = await this.visibleTo(
      credentials,
    );
    const templateRefs = templates.map(t => stringifyEntityRef(t));
    const runs = await this.runs.list({ templateRefs });
    const runsByPath = new Map<string, ScaffolderRun[]>();
    for (const run of runs) {
      if (runVisible(run, visible)) {
        getOrCreate(runsByPath, run.templateRef, () => []).push(run);
      }
    }

    const items = templates.map(template =>
      this.summarize(
        template,
        byPath.get(stringifyEntityRef(template)) ?? [],
        runsByPath.get(stringifyEntityRef(template)) ?? [],
        components.length,
      ),
    );
    items.sort(
      (a, b) =>
        b.servicesCreated - a.servicesCreated || a.title.localeCompare(b.title),
    );
    const fromGoldenPaths = items.reduce((n, i) => n + i.servicesCreated, 0);
    return {
      items,
      totals: {
        components: components.length,
        fromGoldenPaths,
        adoptionPercent: percent(fromGoldenPaths, components.length),
      },
    };
  }

  async groupAdoption(
    groupRefInput: string,
    credentials: BackstageCredentials,
  ): Promise<GroupAdoptionResponse> {
    await authorizeOrThrow(
      this.permissions,
      flywheelGoldenPathsReadPermission,
      credentials,
    );
    const groupRef = parseRefOfKind(groupRefInput, 'group', 'groupRef');
    const { snapshot, visible, templates, components } = await this.visibleTo(
      credentials,
    );
    const inScope = ownedInScope(components, groupRef, snapshot.graph, visible);
    if (!inScope) {
      throw new NotFoundError(`No group ${groupRef} in the catalog`);
    }
    const groupRefs = snapshot.graph
      .descendantsOf(groupRef)
      .filter(team => visible.has(team));
    const byPath = groupByPath(inScope, templates);

    const paths = templates
      .map(template => {
        const { templateRef, title } = templateInfo(template);
        const count = byPath.get(templateRef)?.length ?? 0;
        return {
          templateRef,
          title,
          count,
          percent: percent(count, inScope.length),
        };
      })
      .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title));
    const fromGoldenPaths = paths.reduce((n, p) => n + p.count, 0);
    const versions = new Map(
      templates.map(t => [
        templateInfo(t).templateRef,
        templateInfo(t).version,
      ]),
    );
    return {
      groupRef,
      groupRefs,
      totalComponents: inScope.length,
      fromGoldenPaths,
      adoptionPercent: percent(fromGoldenPaths, inScope.length),
      paths,
      components: inScope
        .map(c => this.toServiceRow(c, versions))
        .sort(byEntityRef),
    };
  }

  async provenance(
    entityRefInput: string,
    credentials: BackstageCredentials,
  ): Promise<EntityProvenanceResponse> {
    await authorizeOrThrow(
      this.permissions,
      flywheelGoldenPathsReadPermission,
      credentials,
    );
    const entityRef = parseFullRef(entityRefInput, 'entityRef');
    const entity = await this.catalog.getEntity(entityRef, credentials);
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    const provenance = readProvenance(entity);
    if (!provenance) {
      return {
        entityRef,
        fromTemplate: false,
        isGoldenPath: false,
        drifted: false,
      };
    }
    const template = await this.catalog.getEntity(
      provenance.templateRef,
      credentials,
    );
    const current = template ? templateInfo(template) : undefined;
    return {
      entityRef,
      fromTemplate: true,
      templateRef: provenance.templateRef,
      isGoldenPath: template ? isGoldenPathTemplate(template) : false,
      templateTitle: current?.title,
      templateVersion: provenance.templateVersion,
      currentVersion: current?.version,
      drifted: hasDrifted(provenance.templateVersion, current?.version),
      createdAt: provenance.createdAt,
    };
  }

  /**
   * Records a scaffolder run on behalf of the caller: the user who ran the
   * template (whose survey it may trigger), or a backend with service
   * credentials.
   */
  async recordRun(
    request: RecordRunRequest,
    credentials: BackstageCredentials,
  ): Promise<void> {
    await authorizeOrThrow(
      this.permissions,
      flywheelRunCreatePermission,
      credentials,
    );
    const userRef = userRefOf(credentials);
    const run = {
      ...request,
      templateRef: parseRefOfKind(
        request.templateRef,
        'template',
        'templateRef',
      ),
      entityRef: request.entityRef
        ? stringifyEntityRef(
            parseEntityRefOrThrow(request.entityRef, 'entityRef'),
          )
        : undefined,
      ownerRef: request.ownerRef
        ? stringifyEntityRef(
            parseEntityRefOrThrow(request.ownerRef, 'ownerRef', 'group'),
          )
        : undefined,
      userRef,
    };
    // Stored as read here: `new Date` moves 2026-02-30 to 2 March and
    // cannot read every form luxon does.
    for (const field of ['startedAt', 'completedAt'] as const) {
      const value = run[field];
      if (value !== undefined) {
        const date = readDateTime(value);
        if (!date) {
          throw new InputError(
            `${field} must be an ISO 8601 date-time, got '${value}'`,
          );
        }
        run[field] = date.toISOString();
      }
    }
    if (
      run.startedAt &&
      run.completedAt &&
      Date.parse(run.completedAt) < Date.parse(run.startedAt)
    ) {
      throw new InputError(
        `completedAt (${run.completedAt}) is before startedAt (${run.startedAt})`,
      );
    }
    await this.runs.upsert(run);
    this.snapshots.changed(); // its service's origin
    // A finished run is a moment to ask how it went (golden-path CSAT).
    if (userRef && run.outcome === 'succeeded' && this.surveyTriggers) {
      await this.surveyTriggers.fire({
        event: SCAFFOLDER_RUN_COMPLETED_EVENT,
        userRef,
        context: { templateRef: run.templateRef },
      });
    }
  }

  /**
   * What other domains may know of golden paths, per entity: provenance
   * against the template's current version, and the published metrics
   * `goldenPath.creationTimeSeconds` (task start → service ready, from the
   * recorded run) and `entity.ageDays` (since creation).
   */
  async entityInsights(
    credentials: BackstageCredentials,
  ): Promise<GoldenPathInsights> {
    const [templates, runs] = await Promise.all([
      this.catalog.listEntities({ kind: 'Template' }, credentials),
      this.runs.list(),
    ]);
    const byTemplate = new Map(
      templates.map(t => [
        stringifyEntityRef(t),
        {
          isGoldenPath: isGoldenPathTemplate(t),
          version: templateInfo(t).version,
        },
      ]),
    );
    const creationSeconds = new Map<string, number>();
    const completedAt = new Map<string, Date>();
    const runOf = new Map<string, { startedAt?: Date; userRef?: string }>();
    for (const run of runs) {
      if (run.outcome === 'succeeded' && run.entityRef) {
        runOf.set(run.entityRef, run);
      }
      if (run.outcome !== 'succeeded' || !run.entityRef || !run.completedAt) {
        continue;
      }
      completedAt.set(run.entityRef, run.completedAt);
      if (run.startedAt) {
        creationSeconds.set(
          run.entityRef,
          (run.completedAt.getTime() - run.startedAt.getTime()) / 1000,
        );
      }
    }
    const now = this.now();
    const nowMs = now.toMillis();
    // Checked once per run: luxon's zone lookups are not free either.
    const plainDays =
      hasFixedOffset(Settings.defaultZone) && hasFixedOffset(now.zone);
    const ageDays = (created: string): number | undefined => {
      const createdMs = plainDays ? parseIsoInstant(created) : undefined;
      if (createdMs !== undefined) {
        return Math.floor((nowMs - createdMs) / DAY_MS);
      }
      const parsed = DateTime.fromISO(created);
      return parsed.isValid
        ? Math.floor(now.diff(parsed, 'days').days)
        : undefined;
    };
    // Several scorecards may ask for the same entity's age in one run.
    const ages = new WeakMap<Entity, number | undefined>();
    return {
      provenance(entity) {
        const provenance = readProvenance(entity);
        if (!provenance) {
          return undefined;
        }
        const template = byTemplate.get(provenance.templateRef);
        return {
          templateRef: provenance.templateRef,
          isGoldenPath: template?.isGoldenPath ?? false,
          templateVersion: provenance.templateVersion,
          currentVersion: template?.version,
          drifted: hasDrifted(provenance.templateVersion, template?.version),
        };
      },
      metric(entity, entityRef, metricId) {
        if (metricId === 'goldenPath.creationTimeSeconds') {
          return creationSeconds.get(entityRef);
        }
        if (metricId === 'entity.ageDays') {
          if (ages.has(entity)) {
            return ages.get(entity);
          }
          const created =
            readProvenance(entity)?.createdAt ??
            completedAt.get(entityRef)?.toISOString();
          const age = created ? ageDays(created) : undefined;
          ages.set(entity, age);
          return age;
        }
        return undefined;
      },
      origin(entity, entityRef) {
        const provenance = readProvenance(entity);
        const run = runOf.get(entityRef);
        const annotated = Date.parse(
          entity.metadata.annotations?.[CREATED_AT_ANNOTATION] ?? '',
        );
        const createdAt =
          run?.startedAt ??
          (Number.isNaN(annotated) ? undefined : new Date(annotated));
        return {
          isGoldenPath: provenance
            ? byTemplate.get(provenance.templateRef)?.isGoldenPath ?? false
            : false,
          ...(provenance ? { templateRef: provenance.templateRef } : {}),
          ...(createdAt ? { createdAt } : {}),
          ...(run?.userRef ? { createdBy: run.userRef } : {}),
        };
      },
    };
  }

  /** Every Component with its origin, for value-stream metrics. */
  serviceOrigins(): Promise<GoldenPathSnapshot> {
    return this.snapshots.snapshot();
  }

  /** Entity refs of every golden-path template. */
  async goldenPathRefs(credentials: BackstageCredentials): Promise<string[]> {
    return (await listGoldenPathTemplates(this.catalog, credentials)).map(t =>
      stringifyEntityRef(t),
    );
  }

  /**
   * The Components a golden-path metric counts for a scope (a team's, with
   * its sub-teams', or the organisation's) as the caller may see them, with
   * their origin. Undefined when the caller sees no such group.
   */
  async componentsInScope(
    groupRef: string | undefined,
    credentials: BackstageCredentials,
  ): Promise<readonly GoldenPathComponent[] | undefined> {
    const { snapshot, visible, components } = await this.visibleTo(credentials);
    return groupRef
      ? ownedInScope(components, groupRef, snapshot.graph, visible)
      : components;
  }

  /**
   * What run metrics count by, as the caller may see it: which runs count
   * (golden path, service and team visible) and a team's share of owned
   * items, from the shared snapshot so that a series costs no catalog read.
   */
  async runScope(credentials: BackstageCredentials): Promise<RunScope> {
    // Only the templates and the tree: narrowing every Component, as the
    // pages' visibleTo does, would be work a run series never uses.
    const { snapshot, visible } = await this.snapshotFor(credentials);
    const goldenPaths = new Set(
      snapshot.templates.map(t => normalizeRef(stringifyEntityRef(t))),
    );
    return {
      counts: run =>
        goldenPaths.has(normalizeRef(run.templateRef)) &&
        runVisible(run, visible),
      ownedBy: (items, groupRef) =>
        ownedInScope(items, groupRef, snapshot.graph, visible),
    };
  }

  /** The shared snapshot and what the caller may see of it. */
  private async snapshotFor(credentials: BackstageCredentials) {
    const [snapshot, visible] = await Promise.all([
      this.snapshots.snapshot(),
      this.visibility.visibleTo(credentials),
    ]);
    return { snapshot, visible };
  }

  /** The shared snapshot narrowed to what the caller may see. */
  private async visibleTo(credentials: BackstageCredentials) {
    const { snapshot, visible } = await this.snapshotFor(credentials);
    if (visible.all) {
      const { templates, components, byPath } = snapshot;
      return { snapshot, visible, templates, components, byPath };
    }
    const templates = snapshot.templates.filter(t =>
      visible.has(stringifyEntityRef(t)),
    );
    const components = snapshot.components.filter(c =>
      visible.has(c.entityRef),
    );
    const byPath = groupByPath(components, templates);
    return { snapshot, visible, templates, components, byPath };
  }

  private toServiceRow(
    component: CatalogComponent,
    currentVersions: Map<string, string | undefined>,
  ): GoldenPathServiceRow {
    const provenance = readProvenance(component.entity);
    const isPath = provenance && currentVersions.has(provenance.templateRef);
    return {
      entityRef: component.entityRef,
      title: component.entity.metadata.title ?? component.entity.metadata.name,
      type: (component.entity.spec?.type as string | undefined) ?? undefined,
      owner: component.ownerRef,
      templateRef: isPath ? provenance.templateRef : undefined,
      templateVersion: isPath ? provenance.templateVersion : undefined,
      createdAt: provenance?.createdAt,
      drifted: isPath
        ? hasDrifted(
            provenance.templateVersion,
            currentVersions.get(provenance.templateRef),
          )
        : false,
    };
  }

  private summarize(
    template: Entity,
    services: readonly CatalogComponent[],
    runs: ScaffolderRun[],
    allComponents: number,
  ): GoldenPathSummary {
    const { templateRef, version, title } = templateInfo(template);
    // The same services (snapshot, visibility) make the same rows.
    const memo = getOrCreate(this.rowsOf, services, () => {
      const versions = new Map([[templateRef, version]]);
      const rows = services.map(s => this.toServiceRow(s, versions));
      return {
        rows,
        drifted: rows.filter(r => r.drifted).sort(byEntityRef),
        createdMonths: rows.map(r =>
          r.createdAt ? utcMonthOf(r.createdAt) : undefined,
        ),
      };
    });
    const succeeded = runs.filter(r => r.outcome === 'succeeded');
    const durations = succeeded
      .filter(r => r.startedAt && r.completedAt)
      .map(r => (r.completedAt!.getTime() - r.startedAt!.getTime()) / 1000);
    const spec = template.spec ?? {};
    return {
      templateRef,
      name: template.metadata.name,
      title,
      description: template.metadata.description,
      owner: typeof spec.owner === 'string' ? spec.owner : undefined,
      type: typeof spec.type === 'string' ? spec.type : undefined,
      tags: template.metadata.tags ?? [],
      version,
      changelog:
        template.metadata.annotations?.[TEMPLATE_CHANGELOG_ANNOTATION] ||
        undefined,
      servicesCreated: services.length,
      adoptionPercent: percent(services.length, allComponents),
      runs: {
        total: runs.length,
        succeeded: succeeded.length,
        failed: runs.length - succeeded.length,
        successRate: runs.length ? succeeded.length / runs.length : null,
      },
      medianCreationSeconds: median(durations),
      drifted: memo.drifted,
      creationsByMonth: this.trend(memo, runs),
    };
  }

  /** Creations per UTC month over the last year, from provenance or runs. */
  private trend(
    created: {
      rows: GoldenPathServiceRow[];
      createdMonths: (string | undefined)[];
    },
    runs: ScaffolderRun[],
  ): MonthlyCount[] {
    const end = this.now().startOf('month');
    const months: MonthlyCount[] = [];
    for (let i = TREND_MONTHS - 1; i >= 0; i--) {
      months.push({
        month: end.minus({ months: i }).toFormat('yyyy-MM'),
        count: 0,
      });
    }
    const index = new Map(months.map((m, i) => [m.month, i]));
    const completedByEntity = new Map(
      runs
        .filter(r => r.entityRef && r.completedAt && r.outcome === 'succeeded')
        .map(r => [r.entityRef!, r.completedAt!.toISOString()]),
    );
    created.rows.forEach((row, n) => {
      const completed = row.createdAt
        ? undefined
        : completedByEntity.get(row.entityRef);
      const month = completed
        ? utcMonthOf(completed)
        : created.createdMonths[n];
      const i = month ? index.get(month) : undefined;
      if (i !== undefined) {
        months[i].count += 1;
      }
    });
    return months;
  }
}
