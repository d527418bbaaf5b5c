import { metricDefinitions } from '../__testUtils__/testData';
import {
  DEFAULT_INTERVAL,
  DEFAULT_WINDOW,
  MetricFilters,
  metricQuery,
  metricsSearch,
  offeredFor,
  scopeKind,
} from './filters';

const org: MetricFilters = {
  window: DEFAULT_WINDOW,
  interval: DEFAULT_INTERVAL,
};

describe('metric filters', () => {
  it('sends one scope and the window', () => {
    expect(metricQuery(org)).toEqual({ window: '26w' });
    expect(
      metricQuery({ ...org, groupRef: 'group:default/commerce', window: '1y' }),
    ).toEqual({ groupRef: 'group:default/commerce', window: '1y' });
    expect(
      metricQuery({
        ...org,
        goldenPath: 'template:default/typescript-service',
      }),
    ).toEqual({
      goldenPath: 'template:default/typescript-service',
      window: '26w',
    });
    expect(
      metricQuery({ ...org, entityRef: 'component:default/checkout-api' }),
    ).toEqual({ entityRef: 'component:default/checkout-api', window: '26w' });
  });

  it('offers a metric only for the scopes the registry publishes it for', () => {
    const activeUsers = metricDefinitions.find(
      m => m.id === 'usage.activeUsers.weekly',
    )!;
    expect(scopeKind(org)).toBe('org');
    expect(offeredFor(activeUsers, org)).toBe(true);
    const team = { ...org, groupRef: 'group:default/commerce' };
    expect(scopeKind(team)).toBe('group');
    expect(offeredFor(activeUsers, team)).toBe(false);
  });

  it('builds the query string of a view, leaving out what is not set', () => {
    expect(metricsSearch({})).toBe('');
    expect(
      metricsSearch({
        metricId: 'valueStream.leadTime.median',
        entityRef: 'component:default/checkout-api',
        window: '90d',
      }),
    ).toBe(
      '?metric=valueStream.leadTime.median&entityRef=component%3Adefault%2Fcheckout-api&window=90d',
    );
  });
});
