/* eslint-disable @backstage/no-forbidden-package-imports --
 * The scorecard engine, the campaigns' refresh and store are internals of
 * the Flywheel backend plugin (it exports only the plugin). The benchmark
 * builds them exactly as plugin.ts does, on the plugin's own database and
 * catalog client — the campaigns' refresh listening to the engine's
 * onEntitiesEvaluated through ScorecardGoalReader — so it can time
 * evaluateEntities, the campaigns' part of it and refreshAll. Every HTTP
 * figure comes from the real plugin's router in the same backend. */
import { Knex } from 'knex';
import { CatalogReader } from '@flywheel/plugin-flywheel-backend/src/catalog/CatalogReader';
import { EntityVisibility } from '@flywheel/plugin-flywheel-backend/src/catalog/EntityVisibility';
import { CampaignRefresh } from '@flywheel/plugin-flywheel-backend/src/campaigns/CampaignRefresh';
import { DEFAULT_LANGUAGE_ANNOTATION } from '@flywheel/plugin-flywheel-backend/src/campaigns/cohort/cohortMatcher';
import { CampaignStore } from '@flywheel/plugin-flywheel-backend/src/campaigns/store/CampaignStore';
import { GoldenPathService } from '@flywheel/plugin-flywheel-backend/src/goldenPaths/GoldenPathService';
import { ScaffolderRunStore } from '@flywheel/plugin-flywheel-backend/src/goldenPaths/ScaffolderRunStore';
import { ScorecardGoalReader } from '@flywheel/plugin-flywheel-backend/src/scorecards/ScorecardGoalReader';
import { ScorecardStore } from '@flywheel/plugin-flywheel-backend/src/scorecards/store/ScorecardStore';
import { FlywheelHandles, sqlRecorder } from '../harness';
import { buildEngine } from '../scorecards/flywheel';

/** The campaigns' share of the last evaluateEntities. */
export interface RefreshTiming {
  /** Wall time of refreshEntities inside the last evaluateEntities. */
  lastMs: number;
  /** Rows of members it changed. */
  lastChanged: number;
}

/**
 * Flywheel's scorecard engine and the campaigns' refresh wired as plugin.ts
 * wires them: the same database, catalog client, scorecard definitions and
 * fact provider; refreshEntities runs inside evaluateEntities, after the
 * results are stored, through ScorecardGoalReader.onEntitiesEvaluated.
 */
export async function createCampaignsInProcess(handles: FlywheelHandles) {
  const db: Knex = await handles.database.getClient();
  const { engine, scorecards } = buildEngine({
    db,
    config: handles.config,
    catalog: handles.catalog,
    auth: handles.auth,
    logger: handles.logger,
    permissions: handles.permissions,
  });
  const catalog = new CatalogReader(handles.catalog);
  const store = new CampaignStore(db);
  const goals = new ScorecardGoalReader({
    definitions: scorecards,
    store: new ScorecardStore(db),
    engine,
  });
  const refresh = new CampaignRefresh({
    store,
    catalog,
    goals,
    goldenPaths: new GoldenPathService({
      catalog,
      runs: new ScaffolderRunStore(db),
      permissions: handles.permissions,
      auth: handles.auth,
      visibility: new EntityVisibility({
        catalog,
        permissions: handles.permissions,
        kinds: ['component', 'template'],
      }),
    }),
    credentials: () => handles.auth.getOwnServiceCredentials(),
    languageAnnotation: DEFAULT_LANGUAGE_ANNOTATION,
    logger: handles.logger.child({ domain: 'campaigns' }),
  });
  const timing: RefreshTiming = { lastMs: NaN, lastChanged: 0 };
  goals.onEntitiesEvaluated(async refs => {
    const started = performance.now();
    timing.lastChanged = await refresh.refreshEntities(refs);
    timing.lastMs = performance.now() - started;
  });
  return {
    db,
    engine,
    store,
    goals,
    refresh,
    timing,
    sql: sqlRecorder(db, 140),
  };
}

export type CampaignsInProcess = Awaited<
  ReturnType<typeof createCampaignsInProcess>
>;
