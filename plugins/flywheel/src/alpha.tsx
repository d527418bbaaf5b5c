import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
  SubPageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { Container } from '@backstage/ui';
import FlywheelIcon from '@material-ui/icons/Autorenew';
import { FlywheelClient, flywheelApiRef } from './api';
import { createFromTemplateRouteRef, rootRouteRef } from './routes';

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
 * domain attaches a sub-page, shown as a tab, and `/flywheel` opens the first.
 */
const flywheelPage = PageBlueprint.make({
  params: {
    path: '/flywheel',
    title: 'Flywheel',
    icon: <FlywheelIcon />,
    routeRef: rootRouteRef,
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
 * Flywheel for the new frontend system. Also the default export of the
 * package root, which is what feature discovery (`app.packages`) loads.
 *
 * @public
 */
const flywheelPlugin = createFrontendPlugin({
  pluginId: 'flywheel',
  title: 'Flywheel',
  icon: <FlywheelIcon />,
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
    goldenPathsSubPage,
    goldenPathEntityCard,
    groupAdoptionEntityCard,
  ],
});

export default flywheelPlugin;
