import {
  ApiBlueprint,
  AppRootElementBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
  SubPageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { Container } from '@backstage/ui';
import { RiLoopRightLine } from '@remixicon/react';
import { FlywheelClient, flywheelApiRef } from './api';
import { createFromTemplateRouteRef, rootRouteRef } from './routes';
import { LazySurveyPrompt } from './surveys/SurveyPrompt/LazySurveyPrompt';

/** The Flywheel client, available to every extension as `flywheelApiRef`. */
const flywheelApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: flywheelApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new FlywheelClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The Flywheel page and its nav item. It has no content of its own: each
 * domain attaches a sub-page, shown as a tab, and `/flywheel` opens the first
 * (Overview, the product dashboard).
 */
const flywheelPage = PageBlueprint.make({
  params: {
    path: '/flywheel',
    title: 'Flywheel',
    icon: <RiLoopRightLine size={20} aria-hidden />,
    routeRef: rootRouteRef,
  },
});

/**
 * The Overview tab, the first and so what `/flywheel` opens: the product
 * dashboard (outcomes against targets, capability maturity, stage changes).
 */
const overviewSubPage = SubPageBlueprint.make({
  name: 'overview',
  params: {
    path: 'overview',
    title: 'Overview',
    loader: () =>
      import('./maturity/ProductDashboardPage').then(m => (
        <Container>
          <m.ProductDashboardPage />
        </Container>
      )),
  },
});

/** The Golden Paths tab: adoption, drift and trends of every golden path. */
const goldenPathsSubPage = SubPageBlueprint.make({
  name: 'golden-paths',
  params: {
    path: 'golden-paths',
    title: 'Golden Paths',
    loader: () =>
      import('./goldenPaths/GoldenPathsOverview').then(m => (
        <Container>
          <m.GoldenPathsOverview />
        </Container>
      )),
  },
});

/** The Scorecards tab: leaderboard, pass rates across the catalog, exemptions. */
const scorecardsSubPage = SubPageBlueprint.make({
  name: 'scorecards',
  params: {
    path: 'scorecards',
    title: 'Scorecards',
    loader: () =>
      import('./scorecards/ScorecardsOverview').then(m => (
        <Container>
          <m.ScorecardsOverview />
        </Container>
      )),
  },
});

/**
 * The Surveys tab: NPS/CSAT surveys, their results and comments, and the
 * form respondents open from a notification (`surveys/:surveyId/respond`).
 */
const surveysSubPage = SubPageBlueprint.make({
  name: 'surveys',
  params: {
    path: 'surveys',
    title: 'Surveys',
    loader: () =>
      import('./surveys/SurveysPage').then(m => (
        <Container>
          <m.SurveysPage />
        </Container>
      )),
  },
});

/**
 * The Metrics tab: every metric of the registry by domain, its trend, the
 * golden-path vs hand-made comparison and CSV, for a team or a golden path.
 */
const metricsSubPage = SubPageBlueprint.make({
  name: 'metrics',
  params: {
    path: 'metrics',
    title: 'Metrics',
    loader: () =>
      import('./metrics/MetricsPage').then(m => (
        <Container>
          <m.MetricsPage />
        </Container>
      )),
  },
});

/**
 * The Maturity tab: the capabilities' board by stage and every stage change;
 * one capability at `maturity/:kind/:namespace/:name`, with its criteria,
 * evidence, promotion and history.
 */
const maturitySubPage = SubPageBlueprint.make({
  name: 'maturity',
  params: {
    path: 'maturity',
    title: 'Maturity',
    loader: () =>
      import('./maturity/MaturityPage').then(m => (
        <Container>
          <m.MaturityPage />
        </Container>
      )),
  },
});

/**
 * The Campaigns tab: time-bound pushes that bring a cohort of entities to a
 * goal by a deadline, with their progress; one campaign at
 * `campaigns/:campaignId`, with its burn-up, teams and to-do items.
 */
const campaignsSubPage = SubPageBlueprint.make({
  name: 'campaigns',
  params: {
    path: 'campaigns',
    title: 'Campaigns',
    loader: () =>
      import('./campaigns/CampaignsPage').then(m => (
        <Container>
          <m.CampaignsPage />
        </Container>
      )),
  },
});

/**
 * The in-app survey prompt, on every page of the app: a small card at the
 * bottom right when the backend has a survey for the user. It renders
 * nothing otherwise, and nothing when the backend cannot be reached.
 */
const surveyPromptElement = AppRootElementBlueprint.make({
  name: 'survey-prompt',
  params: {
    element: <LazySurveyPrompt />,
  },
});

/**
 * An entity's scorecards: levels, checks, how to fix, exemptions. On the
 * kinds teams own and scorecards are written for, so that the links from a
 * team's entities land on it; its `filter` config changes that.
 */
const entityScorecardsContent = EntityContentBlueprint.make({
  name: 'scorecards',
  params: {
    path: 'scorecards',
    title: 'Scorecards',
    filter: { kind: { $in: ['component', 'api', 'resource', 'system'] } },
    loader: () =>
      import('./scorecards/EntityScorecardsContent').then(m => (
        <m.EntityScorecardsContent />
      )),
  },
});

/** A Group's scorecard rolled up over its sub-teams. */
const teamScorecardContent = EntityContentBlueprint.make({
  name: 'team-scorecard',
  params: {
    path: 'team-scorecard',
    title: 'Team scorecard',
    filter: { kind: 'group' },
    loader: () =>
      import('./scorecards/TeamScorecardContent').then(m => (
        <m.TeamScorecardContent />
      )),
  },
});

/** Which golden path a Component came from, and whether it drifted. */
const goldenPathEntityCard = EntityCardBlueprint.make({
  name: 'golden-path',
  params: {
    filter: { kind: 'component' },
    loader: () =>
      import('./goldenPaths/GoldenPathProvenanceCard').then(m => (
        <m.GoldenPathProvenanceCard />
      )),
  },
});

/** Golden-path adoption of a Group, sub-teams included. */
const groupAdoptionEntityCard = EntityCardBlueprint.make({
  name: 'group-adoption',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('./goldenPaths/GroupAdoptionCard').then(m => (
        <m.GroupAdoptionCard />
      )),
  },
});

/**
 * The campaigns a Component is part of, with its to-do and the Start
 * onboarding link of the campaign's automation.
 */
const campaignsEntityCard = EntityCardBlueprint.make({
  name: 'campaigns',
  params: {
    filter: { kind: 'component' },
    loader: () =>
      import('./campaigns/EntityCampaignsCard').then(m => (
        <m.EntityCampaignsCard />
      )),
  },
});

/** The campaigns with entities of a Group's subtree, with the team's progress. */
const groupCampaignsEntityCard = EntityCardBlueprint.make({
  name: 'group-campaigns',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('./campaigns/GroupCampaignsCard').then(m => (
        <m.GroupCampaignsCard />
      )),
  },
});

/**
 * Value-stream headline numbers (time to first deploy, lead time, deployment
 * frequency, change failure rate) of a Component, or of a Group with its
 * sub-teams, with their trend and a link to the Metrics tab.
 */
const valueStreamEntityCard = EntityCardBlueprint.make({
  name: 'value-stream',
  params: {
    filter: { kind: { $in: ['component', 'group'] } },
    loader: () =>
      import('./metrics/ValueStreamCard').then(m => <m.ValueStreamCard />),
  },
});

/**
 * Flywheel for the new frontend system. Also the default export of the
 * package root, which is what feature discovery (`app.packages`) loads.
 *
 * @public
 */
const flywheelPlugin = createFrontendPlugin({
  pluginId: 'flywheel',
  title: 'Flywheel',
  icon: <RiLoopRightLine size={20} aria-hidden />,
  info: { packageJson: () => import('../package.json') },
  routes: {
    root: rootRouteRef,
  },
  externalRoutes: {
    createFromTemplate: createFromTemplateRouteRef,
  },
  extensions: [
    flywheelApi,
    flywheelPage,
    overviewSubPage,
    goldenPathsSubPage,
    scorecardsSubPage,
    surveysSubPage,
    metricsSubPage,
    maturitySubPage,
    campaignsSubPage,
    surveyPromptElement,
    goldenPathEntityCard,
    groupAdoptionEntityCard,
    valueStreamEntityCard,
    campaignsEntityCard,
    groupCampaignsEntityCard,
    entityScorecardsContent,
    teamScorecardContent,
  ],
});

export default flywheelPlugin;

/**
 * Flywheel's analytics implementation, a module of the app to install on
 * its own: `createApp({ features: [flywheelAnalyticsModule] })`.
 */
export { flywheelAnalyticsModule } from './analytics/module';
