import { MAX_EVENTS, parseUsageEvents } from './parseUsageEvents';

const NOW = new Date('2026-12-06T12:00:00Z');

const event = (extra: object = {}) => ({
  action: 'navigate',
  subject: '/catalog/default/component/checkout',
  context: {
    pluginId: 'catalog',
    routeRef: 'catalog:entity',
    extension: 'page:catalog/entity',
    entityRef: 'Component:default/Checkout',
  },
  timestamp: '2026-12-06T11:59:00Z',
  ...extra,
});

const problem = (body: unknown) => {
  try {
    parseUsageEvents(body, NOW);
  } catch (e) {
    return { name: (e as Error).name, message: (e as Error).message };
  }
  return undefined;
};

describe('parseUsageEvents', () => {
  it('reads events, normalising the entity ref', () => {
    expect(
      parseUsageEvents(
        {
          events: [
            event({ attributes: { to: '/x', n: 2, ok: true }, value: 1.5 }),
            {
              action: 'click',
              subject: 'Create',
              context: { pluginId: 'scaffolder' },
              timestamp: '2026-12-06T11:00:00.000Z',
            },
          ],
        },
        NOW,
      ),
    ).toEqual([
      {
        action: 'navigate',
        subject: '/catalog/default/component/checkout',
        pluginId: 'catalog',
        routeRef: 'catalog:entity',
        extension: 'page:catalog/entity',
        entityRef: 'component:default/checkout',
        attributes: { to: '/x', n: 2, ok: true },
        value: 1.5,
        occurredAt: new Date('2026-12-06T11:59:00Z'),
      },
      {
        action: 'click',
        subject: 'Create',
        pluginId: 'scaffolder',
        occurredAt: new Date('2026-12-06T11:00:00Z'),
      },
    ]);
  });

  it('corrects for the browser clock when the body says when it was sent', () => {
    // The browser is an hour ahead: sent "13:00", received 12:00.
    const [parsed] = parseUsageEvents(
      {
        sentAt: '2026-12-06T13:00:00Z',
        events: [event({ timestamp: '2026-12-06T12:58:00Z' })],
      },
      NOW,
    );
    expect(parsed.occurredAt).toEqual(new Date('2026-12-06T11:58:00Z'));
    // Without sentAt, an hour ahead is refused.
    expect(
      problem({ events: [event({ timestamp: '2026-12-06T12:58:00Z' })] }),
    ).toEqual({
      name: 'InputError',
      message:
        'Nothing was stored. events[0].timestamp: 2026-12-06T12:58:00Z is in the future (send sentAt to correct for the clock)',
    });
    // A little ahead counts as now.
    const [soon] = parseUsageEvents(
      { events: [event({ timestamp: '2026-12-06T12:01:00Z' })] },
      NOW,
    );
    expect(soon.occurredAt).toEqual(NOW);
  });

  it('refuses a payload that names a person, at any level', () => {
    const victim = 'user:default/victim';
    for (const body of [
      { events: [event()], userRef: victim },
      { events: [event({ user: victim })] },
      {
        events: [
          event({
            context: { pluginId: 'catalog', userEntityRef: victim },
          }),
        ],
      },
    ]) {
      expect(problem(body)?.message).toMatch(
        /: not accepted; events are recorded for the signed-in user who sends them$/,
      );
    }
  });

  it('names every problem by its place and stores nothing', () => {
    const message = problem({
      events: [
        event(),
        event({ action: '', timestamp: 'yesterday' }),
        event({ context: { routeRef: 'x' }, value: 'high' }),
        event({ context: { pluginId: 'catalog', entityRef: 'checkout' } }),
        event({ timestamp: '2026-11-01T00:00:00Z' }),
        event({ extra: 1 }),
      ],
    })!.message;
    expect(message).toMatch(/^Nothing was stored\. /);
    expect(message).toContain('events[1].action:');
    expect(message).toContain(
      'events[1].timestamp: must be an ISO 8601 date-time',
    );
    expect(message).toContain('events[2].context.pluginId:');
    expect(message).toContain('events[2].value:');
    expect(message).toContain(
      "events[3].context.entityRef: must be an entity ref like component:default/name, got 'checkout'",
    );
    expect(message).toContain(
      'events[4].timestamp: 2026-11-01T00:00:00Z is more than 7 days old',
    );
    expect(message).toContain('events[5]: Unrecognized key');
  });

  it('bounds the batch', () => {
    expect(problem({ events: [] })?.message).toBe('events is empty');
    expect(
      problem({ events: Array.from({ length: MAX_EVENTS + 1 }, () => event()) })
        ?.message,
    ).toBe(
      `At most ${MAX_EVENTS} events per request, got 501: send them in parts`,
    );
    expect(problem([event()])?.message).toMatch(/^Nothing was stored\. body: /);
    expect(
      problem({ events: [event({ subject: 'x'.repeat(1001) })] })?.message,
    ).toContain('events[0].subject:');
  });
});
