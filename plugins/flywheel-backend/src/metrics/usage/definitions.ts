import { MetricDefinition } from '@flywheel/plugin-flywheel-common';

const ALL_SCOPES: MetricDefinition['scopes'] = [
  'org',
  'group',
  'goldenPath',
  'entity',
];
/** Metrics about people as such: a team's, or everyone's. */
const PEOPLE_SCOPES: MetricDefinition['scopes'] = ['org', 'group'];

export const ACTIVE_USERS = 'usage.activeUsers';
export const STICKINESS = 'usage.stickiness';
export const NEW_USERS = 'usage.newUsers';
export const RETURNING_USERS = 'usage.returningUsers';
export const ACTIVE_USER_SHARE = 'usage.activeUserShare';

function metric(
  definition: Omit<MetricDefinition, 'domain' | 'comparable'>,
): MetricDefinition {
  return { domain: 'usage', comparable: false, ...definition };
}

/**
 * The platform-usage metrics (docs/metrics.md has the definitions in full).
 * The series' interval decides daily, weekly or monthly active users.
 */
export const USAGE_METRICS: MetricDefinition[] = [
  metric({
    id: ACTIVE_USERS,
    title: 'Active users',
    description:
      'Distinct people with at least one event (page view, click, search, creation) in the interval: daily, weekly or monthly active users by the series interval. A team counts its members and those of its sub-teams; an entity or golden path counts the people who used the pages of that entity or of the services created from that template.',
    unit: 'count',
    direction: 'higher',
    aggregation: 'distinct',
    scopes: ALL_SCOPES,
  }),
  metric({
    id: STICKINESS,
    title: 'Stickiness',
    description:
      'Mean daily active users over the UTC days of the interval ÷ the distinct people active in the interval: how many of its days the average active person came back on (DAU/MAU for a monthly interval).',
    unit: 'percent',
    direction: 'higher',
    aggregation: 'ratio',
    scopes: ALL_SCOPES,
  }),
  metric({
    id: NEW_USERS,
    title: 'New users',
    description:
      'People whose first event ever (as far back as the retention period keeps events) falls in the interval.',
    unit: 'count',
    direction: 'higher',
    aggregation: 'distinct',
    scopes: PEOPLE_SCOPES,
  }),
  metric({
    id: RETURNING_USERS,
    title: 'Returning users',
    description:
      'People active in the interval whose first event came before it; with new users they make up the active users.',
    unit: 'count',
    direction: 'higher',
    aggregation: 'distinct',
    scopes: PEOPLE_SCOPES,
  }),
  metric({
    id: ACTIVE_USER_SHARE,
    title: 'Active users of all users',
    description:
      'Active users ÷ the User entities of the catalog the reader may see (a team: its members and those of its sub-teams); only people in that catalog count as active here.',
    unit: 'percent',
    direction: 'higher',
    aggregation: 'share',
    scopes: PEOPLE_SCOPES,
  }),
];
