import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { FlywheelClient, flywheelApiRef } from './api';
import { createFromTemplateRouteRef, rootRouteRef } from './routes';
import { LazySurveyPrompt } from './surveys/SurveyPrompt/LazySurveyPrompt';

/**
 * Flywheel for apps on the legacy frontend system.
 *
 * @public
 */
export const flywheelPlugin = createPlugin({
  id: 'flywheel',
  apis: [
    createApiFactory({
      api: flywheelApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new FlywheelClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
  externalRoutes: {
    createFromTemplate: createFromTemplateRouteRef,
  },
});

/**
 * The Flywheel page (the product dashboard as its Overview, golden paths,
 * scorecards, surveys, metrics, capability maturity and campaigns), for a
 * route such as
 * `<Route path="/flywheel" element={<FlywheelPage />} />`.
 *
 * @public
 */
export const FlywheelPage = flywheelPlugin.provide(
  createRoutableExtension({
    name: 'FlywheelPage',
    component: () =>
      import('./dashboard/FlywheelPage').then(m => m.FlywheelPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * Entity card for Components: the golden path the service came from and
 * whether it drifted from the path's current version.
 *
 * @public
 */
export const EntityGoldenPathCard = flywheelPlugin.provide(
  createComponentExtension({
    name: 'EntityGoldenPathCard',
    component: {
      lazy: () =>
        import('./goldenPaths/GoldenPathProvenanceCard').then(
          m => m.GoldenPathProvenanceCard,
        ),
    },
  }),
);

/**
 * Entity card for Groups: golden-path adoption of the team and its sub-teams.
 *
 * @public
 */
export const EntityGroupAdoptionCard = flywheelPlugin.provide(
  createComponentExtension({
    name: 'EntityGroupAdoptionCard',
    component: {
      lazy: () =>
        import('./goldenPaths/GroupAdoptionCard').then(
          m => m.GroupAdoptionCard,
        ),
    },
  }),
);

/**
 * Entity card for Components and Groups: value-stream headline numbers (time
 * to first deploy, lead time, deployment frequency, change failure rate) over
 * the last 90 days with their trend, for the Component or for the Group with
 * its sub-teams, linking to the Metrics tab of the Flywheel page.
 *
 * @public
 */
export const EntityValueStreamCard = flywheelPlugin.provide(
  createComponentExtension({
    name: 'EntityValueStreamCard',
    component: {
      lazy: () =>
        import('./metrics/ValueStreamCard').then(m => m.ValueStreamCard),
    },
  }),
);

/**
 * Entity card for Components: the campaigns the Component is part of, each
 * with its state in the campaign (to do, met, exempt) and why, the goal and
 * deadline, and "Start onboarding" when the campaign has an automation
 * template.
 *
 * @public
 */
export const EntityCampaignsCard = flywheelPlugin.provide(
  createComponentExtension({
    name: 'EntityCampaignsCard',
    component: {
      lazy: () =>
        import('./campaigns/EntityCampaignsCard').then(
          m => m.EntityCampaignsCard,
        ),
    },
  }),
);

/**
 * Entity card for Groups: the campaigns with entities of the team or the
 * teams below it, with the team's progress, linking to the campaign's to-do
 * items of the team.
 *
 * @public
 */
export const EntityGroupCampaignsCard = flywheelPlugin.provide(
  createComponentExtension({
    name: 'EntityGroupCampaignsCard',
    component: {
      lazy: () =>
        import('./campaigns/GroupCampaignsCard').then(
          m => m.GroupCampaignsCard,
        ),
    },
  }),
);

/**
 * Entity content for Components: every scorecard that applies, with level,
 * score, each check's reason and how to fix it, a refresh, exemptions and
 * the level history. Mount it as a tab at `/scorecards` (links from team
 * views point there).
 *
 * @public
 */
export const EntityScorecardsContent = flywheelPlugin.provide(
  createComponentExtension({
    name: 'EntityScorecardsContent',
    component: {
      lazy: () =>
        import('./scorecards/EntityScorecardsContent').then(
          m => m.EntityScorecardsContent,
        ),
    },
  }),
);

/**
 * Entity content for Groups: a scorecard rolled up over the team and its
 * sub-teams, what to fix first, a heat map of checks per sub-team, trend,
 * entities, CSV export and pending exemptions. Mount it as a tab at
 * `/team-scorecard`.
 *
 * @public
 */
export const EntityTeamScorecardContent = flywheelPlugin.provide(
  createComponentExtension({
    name: 'EntityTeamScorecardContent',
    component: {
      lazy: () =>
        import('./scorecards/TeamScorecardContent').then(
          m => m.TeamScorecardContent,
        ),
    },
  }),
);

/**
 * The in-app survey prompt: a small card at the bottom right when the
 * backend has a survey for the user on the current page; nothing otherwise.
 * Render it once inside the app's router, next to the routes:
 *
 * ```tsx
 * <AppRouter>
 *   <FlywheelSurveyPrompt />
 *   <Root>{routes}</Root>
 * </AppRouter>
 * ```
 *
 * The new frontend system adds it by itself (an app-root element).
 *
 * @public
 */
export const FlywheelSurveyPrompt = flywheelPlugin.provide(
  createComponentExtension({
    name: 'FlywheelSurveyPrompt',
    // Loads lazily by itself, with no spinner while it does.
    component: { sync: LazySurveyPrompt },
  }),
);

export { flywheelAnalyticsApiFactory } from './analytics/legacy';
