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
 * The scaffolder's page for one template. Bound by default to the scaffolder
 * plugin's `selectedTemplate` route in the new frontend system; when it is not
 * bound, links fall back to the scaffolder's default path.
 */
export const createFromTemplateRouteRef = createExternalRouteRef({
  id: 'flywheel-create-from-template',
  optional: true,
  params: ['namespace', 'templateName'],
  defaultTarget: 'scaffolder.selectedTemplate',
});
