import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import {
  FLYWHEEL_ENTITY_CHANGED_TOPIC,
  FlywheelEntityChangedEvent,
  FlywheelFactProvider,
  flywheelMetricsExtensionPoint,
  flywheelScorecardsExtensionPoint,
  FlywheelDeploymentSource,
} from '@flywheel/plugin-flywheel-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { EntityChangeQueue } from './scorecards/engine/EntityChangeQueue';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  flywheelExemptionDecidePermission,
  flywheelPermissions,
} from '@flywheel/plugin-flywheel-common';
import { CatalogReader } from './catalog/CatalogReader';
import { connectDatabase } from './database/migrate';
import { GOLDEN_PATH_VISIBLE_KINDS } from './goldenPaths/GoldenPathCatalog';
import { GoldenPathMetrics } from './goldenPaths/GoldenPathMetrics';
import { GoldenPathService } from './goldenPaths/GoldenPathService';
import { registerGoldenPathRoutes } from './goldenPaths/router';
import { ScaffolderRunStore } from './goldenPaths/ScaffolderRunStore';
import { ScaffolderTaskSync } from './goldenPaths/ScaffolderTaskSync';
import { CampaignPersonalData } from './campaigns/store/CampaignPersonalData';
import { GoldenPathPersonalData } from './goldenPaths/GoldenPathPersonalData';
import { MaturityPersonalData } from './maturity/store/MaturityPersonalData';
import { UsagePersonalData } from './metrics/usage/UsagePersonalData';
import { PersonalDataService } from './privacy/PersonalDataService';
import { readRetentionSettings } from './privacy/retentionConfig';
import { registerPrivacyRoutes } from './privacy/router';
import { ExemptionPersonalData } from './scorecards/exemptions/ExemptionPersonalData';
import { SurveyPersonalData } from './surveys/store/SurveyPersonalData';
import { createFlywheelApiRouter } from './http/createRouter';
import {
  WriteCountStore,
  writeCountPersonalData,
} from './http/rateLimit/WriteCountStore';
import {
  readWritesPerMinute,
  WRITE_WINDOW_MS,
  writeRateLimit,
} from './http/rateLimit/writeRateLimit';
import { builtinCheckTypes, checkTypesById } from './scorecards/checks';
import { resolveScorecards } from './scorecards/config';
import { ScorecardEngine } from './scorecards/engine/ScorecardEngine';
import { registerScorecardRoutes } from './scorecards/router';
import { ScorecardMetrics } from './scorecards/ScorecardMetrics';
import { ScorecardService } from './scorecards/ScorecardService';
import { ScorecardStore } from './scorecards/store/ScorecardStore';
import { EntityVisibility } from './catalog/EntityVisibility';
import { kindsToRead } from './scorecards/engine/entityKinds';
import { ExemptionService } from './scorecards/exemptions/ExemptionService';
import { notificationExemptionNotifier } from './scorecards/exemptions/notifications';
import {
  exemptionPermissionResourceRef,
  exemptionPermissionRules,
} from './scorecards/exemptions/permissions';
import { GOLDEN_PATH_METRICS } from './goldenPaths/GoldenPathService';
import { readSurveySettings } from './surveys/config/readSurveysConfig';
import { notificationInviter } from './surveys/waves/notificationInviter';
import { DeploymentIngest } from './metrics/deployments/DeploymentIngest';
import { readFirstDeployWithinDays } from './metrics/config';
import { MetricRegistry } from './metrics/MetricRegistry';
import { MetricService } from './metrics/MetricService';
import { CapabilityAccess } from './maturity/access/CapabilityAccess';
import { CapabilityDirectory } from './maturity/capabilities/CapabilityDirectory';
import {
  readCapabilityFilter,
  readStageModels,
} from './maturity/config/stageModels';
import { MaturityService } from './maturity/MaturityService';
import { MaturityWatch } from './maturity/MaturityWatch';
import { notificationMaturityNotifier } from './maturity/notifications';
import { readOutcomes } from './maturity/outcomes/outcomeConfig';
import { OutcomeService } from './maturity/outcomes/OutcomeService';
import { registerMaturityRoutes } from './maturity/router';
import { MaturityStore } from './maturity/store/MaturityStore';
import { CampaignMetrics } from './campaigns/CampaignMetrics';
import {
  CampaignNotices,
  notificationCampaignNotifier,
} from './campaigns/CampaignNotices';
import { CampaignRefresh } from './campaigns/CampaignRefresh';
import { CampaignService } from './campaigns/CampaignService';
import { readCampaignsConfig } from './campaigns/config/readCampaignsConfig';
import { goalScorecard } from './campaigns/goals/goals';
import { registerCampaignRoutes } from './campaigns/router';
import { CampaignStore } from './campaigns/store/CampaignStore';
import { ScorecardGoalReader } from './scorecards/ScorecardGoalReader';
import { registerMetricRoutes } from './metrics/router';
import { DeploymentSources } from './metrics/sources/DeploymentSources';
import { ServiceCatalog } from './metrics/services/ServiceCatalog';
import { ServiceDirectory } from './metrics/services/ServiceDirectory';
import { DeploymentStore } from './metrics/store/DeploymentStore';
import { ValueStreamFacts } from './metrics/valueStream/ValueStreamFacts';
import { ValueStreamProvider } from './metrics/valueStream/ValueStreamProvider';
import { readUsageRetentionDays } from './metrics/usage/config';
import { UsageStore } from './metrics/usage/store/UsageStore';
import { UsageBreakdownService } from './metrics/usage/UsageBreakdownService';
import { UsageIngest } from './metrics/usage/UsageIngest';
import { UsageRetention } from './metrics/usage/UsageRetention';
import { UsageProvider } from './metrics/usage/UsageProvider';
import { UsageScopes } from './metrics/usage/UsageScopes';
import { registerSurveyRoutes } from './surveys/router';
import { SurveyMetrics } from './surveys/SurveyMetrics';
import { SurveyService } from './surveys/SurveyService';
import { SurveyStore } from './surveys/store/SurveyStore';

/**
 * The Flywheel backend plugin: REST API at /api/flywheel.
 *
 * @public
 */
export const flywheelPlugin = createBackendPlugin({
  pluginId: 'flywheel',
  register(env) {
    const factProviders = new Map<string, FlywheelFactProvider>();
    env.registerExtensionPoint(flywheelScorecardsExtensionPoint, {
      addFactProvider(...providers) {
        for (const provider of providers) {
          if (factProviders.has(provider.id)) {
            throw new Error(
              `Fact provider '${provider.id}' is registered twice; provider ids must be unique`,
            );
          }
          factProviders.set(provider.id, provider);
        }
      },
    });

    const deploymentSources: FlywheelDeploymentSource[] = [];
    env.registerExtensionPoint(flywheelMetricsExtensionPoint, {
      addDeploymentSource(...sources) {
        deploymentSources.push(...sources);
      },
    });

    env.registerInit({
      deps: {
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        events: eventsServiceRef,
        lifecycle: coreServices.lifecycle,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        notifications: notificationService,
        userInfo: coreServices.userInfo,
      },
      async init({
        auditor,
        auth,
        config,
        events,
        lifecycle,
        discovery,
        logger,
        scheduler,
        catalog,
        database,
        httpAuth,
        httpRouter,
        permissions,
        permissionsRegistry,
        notifications,
        userInfo,
      }) {
        permissionsRegistry.addPermissions(flywheelPermissions);
        const db = await connectDatabase(database);
        const catalogReader = new CatalogReader(catalog, logger);

        // Surveys: bad settings or definitions stop the backend here.
        const surveys = new SurveyService({
          store: new SurveyStore(db),
          catalog: catalogReader,
          auth,
          permissions,
          settings: readSurveySettings(config),
          logger: logger.child({ domain: 'surveys' }),
          inviter: notificationInviter(notifications),
        });
        await surveys.start();
        // Opens waves and invites their audience, once across replicas.
        await scheduler.scheduleTask({
          id: 'flywheel-surveys-open-waves',
          frequency: { minutes: 5 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 15 },
          fn: () => surveys.syncWaves(),
        });
        // Anonymous answers leave the order they arrived in (which their
        // participation rows share) within a minute.
        await scheduler.scheduleTask({
          id: 'flywheel-surveys-mix-anonymous-responses',
          frequency: { minutes: 1 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 20 },
          fn: () => surveys.mixAnonymousResponses(),
        });

        // What each caller may see of the catalog, for the golden-path
        // pages and the metrics.
        const catalogVisibility = new EntityVisibility({
          catalog: catalogReader,
          permissions,
          kinds: GOLDEN_PATH_VISIBLE_KINDS,
        });
        const runStore = new ScaffolderRunStore(db);
        const goldenPaths = new GoldenPathService({
          catalog: catalogReader,
          runs: runStore,
          permissions,
          auth,
          visibility: catalogVisibility,
          surveyTriggers: surveys,
        });
        const taskSync = ScaffolderTaskSync.fromDiscovery({
          runs: runStore,
          discovery,
          auth,
          logger,
        });
        // Runs once across replicas: failed runs never reach the record step.
        await scheduler.scheduleTask({
          id: 'flywheel-golden-paths-sync-scaffolder-tasks',
          frequency: { minutes: 5 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 30 },
          fn: async () => {
            const credentials = await auth.getOwnServiceCredentials();
            const refs = await goldenPaths.goldenPathRefs(credentials);
            await taskSync.sync(new Set(refs));
          },
        });

        // Metrics: the registry every domain publishes to, and the
        // value-stream metrics from deployments CI/CD reports.
        const deploymentStore = new DeploymentStore(db);
        const metricRegistry = new MetricRegistry();
        // The golden paths' snapshot of the catalog (a minute, or 5 s after
        // a change the catalog module announces) serves the metrics too.
        const serviceCatalog = new ServiceCatalog({ origins: goldenPaths });
        await events.subscribe({
          id: 'flywheel-metrics-services',
          topics: [FLYWHEEL_ENTITY_CHANGED_TOPIC],
          onEvent: async event => {
            const { entityRef } =
              event.eventPayload as FlywheelEntityChangedEvent;
            if (
              typeof entityRef === 'string' &&
              /^(component|group|template):/i.test(entityRef)
            ) {
              goldenPaths.snapshots.changed();
            }
          },
        });
        const serviceDirectory = new ServiceDirectory({
          catalog: serviceCatalog,
          visibility: catalogVisibility,
        });
        // Read at start, so the first series does not wait for it.
        const valueStreamFacts = new ValueStreamFacts({
          store: deploymentStore,
        });
        lifecycle.addStartupHook(() => {
          valueStreamFacts
            .data()
            .catch(error =>
              logger.warn(`Could not read the value-stream facts: ${error}`),
            );
        });
        metricRegistry.register(
          'valueStream',
          new ValueStreamProvider({
            facts: valueStreamFacts,
            services: serviceDirectory,
            withinDays: readFirstDeployWithinDays(config),
          }),
        );
        metricRegistry.register(
          'goldenPaths',
          new GoldenPathMetrics({ goldenPaths, runs: runStore }),
        );
        metricRegistry.register('surveys', new SurveyMetrics({ surveys }));
        const metricService = new MetricService({
          registry: metricRegistry,
          permissions,
        });
        const deploymentIngest = new DeploymentIngest({
          store: deploymentStore,
          catalog: catalogReader,
          auth,
          permissions,
          insights: goldenPaths,
          surveyTriggers: surveys,
          logger: logger.child({ domain: 'metrics' }),
        });
        // Deployment sources of backend modules, pulled on their schedules.
        await new DeploymentSources({
          db,
          ingest: deploymentIngest,
          logger: logger.child({ domain: 'metrics' }),
        }).schedule(scheduler, deploymentSources);

        // Platform usage: the app's analytics events, kept for the retention
        // period (pruned once across replicas).
        const usageStore = new UsageStore(db);
        metricRegistry.register(
          'usage',
          new UsageProvider({
            store: usageStore,
            scopes: new UsageScopes({
              catalog: catalogReader,
              services: serviceDirectory,
            }),
          }),
        );
        const usageRetention = new UsageRetention({
          store: usageStore,
          retentionDays: readUsageRetentionDays(config),
          logger: logger.child({ domain: 'metrics' }),
        });
        await scheduler.scheduleTask({
          id: 'flywheel-usage-retention',
          frequency: { hours: 6 },
          timeout: { minutes: 30 },
          initialDelay: { minutes: 2 },
          fn: async () => {
            await usageRetention.prune();
          },
        });

        // Scorecards: bad configuration stops the backend here, with the
        // scorecard and field named.
        const checkTypes = checkTypesById(builtinCheckTypes);
        const scorecardDefinitions = resolveScorecards(config, {
          checkTypes,
          validation: {
            factProviders: new Set(factProviders.keys()),
            metrics: new Set<string>([
              ...GOLDEN_PATH_METRICS,
              ...(await metricRegistry.list())
                .filter(m => m.scopes.includes('entity'))
                .map(m => m.id),
            ]),
          },
        });
        const scorecardStore = new ScorecardStore(db);
        const engine = new ScorecardEngine({
          scorecards: scorecardDefinitions,
          checkTypes,
          store: scorecardStore,
          catalog: catalogReader,
          goldenPaths,
          metrics: metricRegistry,
          factProviders: [...factProviders.values()],
          auth,
          logger,
        });
        const evaluationSchedule = config.has(
          'flywheel.scorecardEvaluation.schedule',
        )
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
              config.getConfig('flywheel.scorecardEvaluation.schedule'),
            )
          : {
              frequency: { minutes: 10 },
              timeout: { minutes: 30 },
              initialDelay: { seconds: 20 },
            };
        await scheduler.scheduleTask({
          id: 'flywheel-scorecards-evaluate',
          ...evaluationSchedule,
          fn: async () => {
            const stats = await engine.evaluateAll();
            await engine.writeSnapshots();
            logger.info(
              `Scorecards evaluated: ${stats.evaluations} results for ${stats.entitiesRead} entities in ${stats.durationMs} ms; ${stats.entitiesWritten} changed, ${stats.removed} removed`,
            );
          },
        });

        // Incremental: entities the catalog module reports as changed are
        // re-evaluated on their own, seconds later.
        const changes = new EntityChangeQueue({
          delayMs:
            (config.getOptionalNumber(
              'flywheel.scorecardEvaluation.changeDelaySeconds',
            ) ?? 10) * 1000,
          evaluate: refs => engine.evaluateEntities(refs),
          logger,
        });
        await events.subscribe({
          id: 'flywheel-scorecards',
          topics: [FLYWHEEL_ENTITY_CHANGED_TOPIC],
          onEvent: async event => {
            const { entityRef } =
              event.eventPayload as FlywheelEntityChangedEvent;
            if (typeof entityRef === 'string') {
              changes.add(entityRef);
            }
          },
        });
        lifecycle.addShutdownHook(() => changes.stop());

        // Scorecard reads show only what the caller may see in the catalog.
        const visibility = new EntityVisibility({
          catalog: catalogReader,
          permissions,
          kinds: kindsToRead(scorecardDefinitions.map(s => s.filter)),
        });
        const exemptions = new ExemptionService({
          engine,
          store: scorecardStore,
          catalog: catalogReader,
          visibility,
          permissions,
          userInfo,
          notifier: notificationExemptionNotifier(notifications),
          logger: logger.child({ domain: 'scorecards' }),
        });
        permissionsRegistry.addResourceType({
          resourceRef: exemptionPermissionResourceRef,
          permissions: [flywheelExemptionDecidePermission],
          rules: Object.values(exemptionPermissionRules),
          getResources: async ids =>
            exemptions.getResources(ids, await auth.getOwnServiceCredentials()),
        });

        const scorecardService = new ScorecardService({
          engine,
          store: scorecardStore,
          catalog: catalogReader,
          visibility,
          permissions,
        });
        metricRegistry.register(
          'scorecards',
          new ScorecardMetrics({
            scorecards: scorecardService,
            definitions: scorecardDefinitions,
          }),
        );

        // Maturity stages and the product dashboard read metrics only
        // through the registry.
        const maturityStore = new MaturityStore(db);
        const stageModels = readStageModels(config);
        await maturityStore.registerModels(
          [...stageModels.models.values()],
          new Date(),
        );
        const capabilities = new CapabilityDirectory({
          catalog: catalogReader,
          filter: readCapabilityFilter(config),
        });
        const maturityNotifier = notificationMaturityNotifier(notifications);
        const maturity = new MaturityService({
          store: maturityStore,
          directory: capabilities,
          access: new CapabilityAccess({
            permissions,
            userInfo,
            groupTree: async () =>
              catalogReader.groupTree(await auth.getOwnServiceCredentials()),
          }),
          models: stageModels,
          metrics: metricRegistry,
          permissions,
          notifier: maturityNotifier,
          logger: logger.child({ domain: 'maturity' }),
        });
        const maturityWatch = new MaturityWatch({
          service: maturity,
          directory: capabilities,
          store: maturityStore,
          notifier: maturityNotifier,
          credentials: () => auth.getOwnServiceCredentials(),
          logger: logger.child({ domain: 'maturity' }),
        });
        await scheduler.scheduleTask({
          id: 'flywheel-maturity-watch',
          frequency: { hours: 1 },
          timeout: { minutes: 15 },
          initialDelay: { minutes: 2 },
          fn: async () => {
            const failing = await maturityWatch.run();
            if (failing > 0) {
              logger.info(
                `Maturity watch: ${failing} met exit criteria started failing; owners notified`,
              );
            }
          },
        });

        // Campaigns: cohorts brought to a goal by a deadline. Progress follows
        // scorecard evaluation: entities re-evaluated on their own are
        // re-judged at once; the whole cohort on the campaigns' schedule.
        const campaignSettings = readCampaignsConfig(config);
        const scorecardGoals = new ScorecardGoalReader({
          definitions: scorecardDefinitions,
          store: scorecardStore,
          engine,
        });
        campaignSettings.definitions.forEach((definition, i) => {
          try {
            goalScorecard(definition.goal, scorecardGoals.scorecards());
          } catch (error) {
            throw new Error(
              `flywheel.campaigns.definitions[${i}] (${definition.id}): ${
                (error as Error).message
              }`,
            );
          }
        });
        const campaignStore = new CampaignStore(db);
        await campaignStore.syncConfigCampaigns(
          campaignSettings.definitions,
          new Date(),
        );
        const campaignRefresh = new CampaignRefresh({
          store: campaignStore,
          catalog: catalogReader,
          goals: scorecardGoals,
          goldenPaths,
          credentials: () => auth.getOwnServiceCredentials(),
          languageAnnotation: campaignSettings.languageAnnotation,
          logger: logger.child({ domain: 'campaigns' }),
        });
        scorecardGoals.onEntitiesEvaluated(async refs => {
          await campaignRefresh.refreshEntities(refs);
        });
        const campaignNotices = new CampaignNotices({
          store: campaignStore,
          notify: notificationCampaignNotifier(notifications),
          logger: logger.child({ domain: 'campaigns' }),
        });
        await scheduler.scheduleTask({
          id: 'flywheel-campaigns-refresh',
          ...campaignSettings.schedule,
          fn: async () => {
            await campaignRefresh.refreshAll();
            await campaignNotices.run();
          },
        });
        const campaigns = new CampaignService({
          store: campaignStore,
          goals: scorecardGoals,
          refresh: campaignRefresh,
          visibility: new EntityVisibility({
            catalog: catalogReader,
            permissions,
            kinds: undefined,
          }),
          permissions,
          groups: async () =>
            catalogReader.groupTree(await auth.getOwnServiceCredentials()),
        });
        metricRegistry.register(
          'campaigns',
          new CampaignMetrics({ store: campaignStore, campaigns }),
        );

        // People in every domain's tables: one erasure for a data-subject
        // request, and one daily retention purge, once across replicas.
        const retention = readRetentionSettings(config);
        const personalData = new PersonalDataService({
          db,
          holders: [
            new SurveyPersonalData(db, retention.surveyParticipationDays),
            new GoldenPathPersonalData(db, retention.goldenPathRunDays),
            new ExemptionPersonalData(),
            new UsagePersonalData(),
            new MaturityPersonalData(db, retention.attestationDays),
            new CampaignPersonalData(),
            writeCountPersonalData,
          ],
          permissions,
          logger: logger.child({ domain: 'privacy' }),
        });
        await scheduler.scheduleTask({
          id: 'flywheel-people-retention',
          frequency: { hours: 24 },
          timeout: { minutes: 30 },
          initialDelay: { minutes: 3 },
          fn: async () => {
            await personalData.purge();
          },
        });

        const router = createFlywheelApiRouter(
          writeRateLimit({
            httpAuth,
            writesPerMinute: readWritesPerMinute(config),
            store: new WriteCountStore(db, WRITE_WINDOW_MS),
          }),
        );
        registerCampaignRoutes(router, { campaigns, httpAuth, auditor });
        registerScorecardRoutes(router, {
          scorecards: scorecardService,
          exemptions,
          httpAuth,
          auditor,
        });
        registerSurveyRoutes(router, { surveys, httpAuth, auditor });
        registerGoldenPathRoutes(router, { goldenPaths, httpAuth, auditor });
        registerMetricRoutes(router, {
          metrics: metricService,
          deployments: deploymentIngest,
          usage: new UsageIngest({ store: usageStore }),
          usageBreakdown: new UsageBreakdownService({
            store: usageStore,
            permissions,
          }),
          httpAuth,
          auditor,
        });

        registerMaturityRoutes(router, {
          maturity,
          outcomes: new OutcomeService({
            outcomes: readOutcomes(config),
            metrics: metricRegistry,
            store: maturityStore,
            permissions,
          }),
          httpAuth,
          auditor,
        });

        registerPrivacyRoutes(router, { personalData, httpAuth, auditor });

        httpRouter.use(router);
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
