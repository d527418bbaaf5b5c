import { AnyAnalyticsEvent, toUsageEvent } from './usageEvents';

const NOW = new Date('2026-12-06T12:00:00Z');

const event = (extra: object): AnyAnalyticsEvent =>
  ({
    action: 'click',
    subject: 'Create',
    context: { pluginId: 'scaffolder', extensionId: 'page:scaffolder' },
    ...extra,
  } as AnyAnalyticsEvent);

describe('toUsageEvent', () => {
  it('keeps what usage counts and the entity a page is about', () => {
    expect(
      toUsageEvent(
        event({
          context: {
            pluginId: 'catalog',
            extension: 'CatalogEntityPage', // legacy system
            routeRef: 'catalog:entity',
            entityRef: 'component:default/checkout',
          },
          attributes: { to: '/docs', position: 2, primary: true },
          value: 3,
        }),
        NOW,
      ),
    ).toEqual({
      action: 'click',
      subject: 'Create',
      context: {
        pluginId: 'catalog',
        routeRef: 'catalog:entity',
        extension: 'CatalogEntityPage',
        entityRef: 'component:default/checkout',
      },
      attributes: { to: '/docs', position: 2, primary: true },
      value: 3,
      timestamp: '2026-12-06T12:00:00.000Z',
    });
  });

  it('leaves out search terms, query strings and what the backend would refuse', () => {
    expect(
      toUsageEvent(event({ action: 'search', subject: 'salary bands' }), NOW)
        ?.subject,
    ).toBe('');
    expect(
      toUsageEvent(
        event({ action: 'navigate', subject: '/search?query=x#r' }),
        NOW,
      )?.subject,
    ).toBe('/search');
    const odd = toUsageEvent(
      event({
        subject: 'x'.repeat(2000),
        context: { routeRef: 'unknown', entityRef: 'not a ref' },
        attributes: Object.fromEntries([
          ['nan', Number.NaN],
          ['long', 'y'.repeat(600)],
          ...Array.from({ length: 40 }, (_, i) => [`k${i}`, i]),
        ]),
        value: Number.POSITIVE_INFINITY,
      }),
      NOW,
    )!;
    expect(odd.subject).toHaveLength(1000);
    expect(odd.context).toEqual({ pluginId: 'app' });
    expect(Object.keys(odd.attributes!)).toHaveLength(30);
    expect(odd.attributes!.nan).toBeUndefined();
    expect(odd.attributes!.long).toHaveLength(500);
    expect(odd.value).toBeUndefined();
    expect(toUsageEvent(event({ action: '' }), NOW)).toBeUndefined();
  });
});
