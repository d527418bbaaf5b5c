import {
  createExternalRouteRef,
  createRouteRef,
  createSubRouteRef,
} from '@backstage/core-plugin-api';

// Route refs from core-plugin-api work in both frontend systems, so the legacy
// plugin and the new-frontend-system plugin share them.

/** The Flywheel page. */
export const rootRouteRef = createRouteRef({
  id: 'flywheel',
});

/**
 * The Metrics tab of the Flywheel page, for links from entity cards. The tab
 * is at `metrics` under the page in both frontend systems.
 */
export const metricsRouteRef = createSubRouteRef({
  id: 'flywheel-metrics',
  parent: rootRouteRef,
  path: '/metrics',
});

/**
 * The Maturity tab of the Flywheel page: the capabilities' board and every
 * stage change. At `maturity` under the page in both frontend systems.
 */
export const maturityRouteRef = createSubRouteRef({
  id: 'flywheel-maturity',
  parent: rootRouteRef,
  path: '/maturity',
});

/**
 * One capability on the Maturity tab: its stages, criteria, evidence and
 * history, deep-linkable by the capability entity's kind, namespace and name.
 */
export const capabilityRouteRef = createSubRouteRef({
  id: 'flywheel-maturity-capability',
  parent: rootRouteRef,
  path: '/maturity/:kind/:namespace/:name',
});

/**
 * The Campaigns tab of the Flywheel page: every campaign with its progress.
 * At `campaigns` under the page in both frontend systems.
 */
export const campaignsRouteRef = createSubRouteRef({
  id: 'flywheel-campaigns',
  parent: rootRouteRef,
  path: '/campaigns',
});

/**
 * One campaign on the Campaigns tab: its burn-up, teams and to-do items,
 * deep-linkable by the campaign's id.
 */
export const campaignRouteRef = createSubRouteRef({
  id: 'flywheel-campaign',
  parent: rootRouteRef,
  path: '/campaigns/:campaignId',
});

/**
 * The scaffolder's page for one template. Bound by default to the scaffolder
 * plugin's `selectedTemplate` route in both frontend systems (legacy apps
 * apply the default target too); when the app has no scaffolder, links fall
 * back to the scaffolder's default path.
 */
export const createFromTemplateRouteRef = createExternalRouteRef({
  id: 'flywheel-create-from-template',
  optional: true,
  params: ['namespace', 'templateName'],
  defaultTarget: 'scaffolder.selectedTemplate',
});
