/*
 * Hi!
 *
 * Note that this is an EXAMPLE Backstage backend. Please check the README.
 *
 * Happy hacking!
 */

import { createBackend } from '@backstage/backend-defaults';
import { flywheelModuleDemoCampaigns } from './modules/demoCampaigns';
import { flywheelModuleDemoDeployments } from './modules/demoDeployments';
import { flywheelModuleDemoExemptions } from './modules/demoExemptions';
import { flywheelModuleDemoLegacyServices } from './modules/demoLegacyServices';
import { flywheelModuleDemoMaturity } from './modules/demoMaturity';
import { flywheelModuleDemoScaffolderRuns } from './modules/demoScaffolderRuns';
import { flywheelModuleDemoScorecardHistory } from './modules/demoScorecardHistory';
import { flywheelModuleDemoSurveys } from './modules/demoSurveys';
import { flywheelModuleDemoUsage } from './modules/demoUsage';
import { flywheelModuleOncallFacts } from './modules/oncallFacts';
import { catalogModuleLocalFileLocations } from './modules/localFileLocations';
import { permissionModuleExamplePolicy } from './modules/permissionPolicy';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// scaffolder plugin
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);

// techdocs plugin
backend.add(import('@backstage/plugin-techdocs-backend'));

// auth plugin
backend.add(import('@backstage/plugin-auth-backend'));
// See https://backstage.io/docs/backend-system/building-backends/migrating#the-auth-plugin
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// See https://backstage.io/docs/auth/guest/provider

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);

// See https://backstage.io/docs/features/software-catalog/configuration#subscribing-to-catalog-errors
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// permission plugin
backend.add(import('@backstage/plugin-permission-backend'));
// The example's own policy instead of the allow-all policy, installed as
// docs/installation.md#permissions describes: everything is allowed, and the
// platform team may also decide scorecard exemptions (never their own).
// See https://backstage.io/docs/permissions/getting-started
backend.add(permissionModuleExamplePolicy);

// search plugin
backend.add(import('@backstage/plugin-search-backend'));

// search engine
// See https://backstage.io/docs/features/search/search-engines
backend.add(import('@backstage/plugin-search-backend-module-pg'));

// search collators
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

// kubernetes plugin
backend.add(import('@backstage/plugin-kubernetes-backend'));

// user settings plugin
backend.add(import('@backstage/plugin-user-settings-backend'));

// notifications and signals plugins
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// mcp actions plugin
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// Flywheel: see docs/installation.md
backend.add(import('@flywheel/plugin-flywheel-backend'));
backend.add(import('@flywheel/plugin-scaffolder-backend-module-flywheel'));
backend.add(import('@flywheel/plugin-catalog-backend-module-flywheel'));

// Example instance only: lets the catalog accept the `file` locations that
// Flywheel's offline publishing route (flywheel:publish:local) registers.
backend.add(catalogModuleLocalFileLocations);
// Example instance only: the demo's scaffolder run history (examples/).
backend.add(flywheelModuleDemoScaffolderRuns);
// Example instance only: three hand-made services in the local publish
// directory, for the "Adopt a golden path" template (examples/README.md).
backend.add(flywheelModuleDemoLegacyServices);
// Example instance only: twelve weeks of demo scorecard history before the
// first real snapshot, so the trend charts have a past (examples/README.md).
backend.add(flywheelModuleDemoScorecardHistory);
// Example instance only: a pending exemption request of a checkout developer,
// for the guest to decide (examples/README.md).
backend.add(flywheelModuleDemoExemptions);
// Example instance only: five past waves of a demo Platform NPS and eight of
// a demo Golden path CSAT.
backend.add(flywheelModuleDemoSurveys);
// Example instance only: six months of demo deployments for the Metrics page.
backend.add(flywheelModuleDemoDeployments);
// Example instance only: nine months of maturity history of the demo's IDP
// capabilities (stage transitions, attestations, waivers).
backend.add(flywheelModuleDemoMaturity);
// Example instance only: six months of demo platform usage (active users,
// usage per plugin and route) for the Metrics page.
backend.add(flywheelModuleDemoUsage);
// Example instance only: a running campaign with six weeks of history and a
// finished one (docs/campaigns.md#demo).
backend.add(flywheelModuleDemoCampaigns);
// Example fact provider for scorecards (docs/scorecards.md): on-call facts.
backend.add(flywheelModuleOncallFacts);

backend.start();
