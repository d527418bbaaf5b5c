import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { flywheelPlugin } from '../plugin';
import { catalogHidingEntities } from '../__testUtils__/catalogViews';
import { testEntities } from '../__testUtils__/testCatalog';

jest.setTimeout(60_000);

const ADA = mockCredentials.user.header('user:default/ada');
const EVE_REF = 'user:default/eve';
const EVE = mockCredentials.user.header(EVE_REF);

/**
 * What the catalog hides from Eve: two services of ts-service (checkout,
 * and ledger, the drifted one), the golden path web-app, and the team
 * payments-core. Every golden-path read is counted from one snapshot of the
 * catalog read with the plugin's own credentials, so these tests play Eve
 * after Ada has warmed it.
 */
const HIDDEN = [
  'component:default/checkout',
  'component:default/ledger',
  'template:default/web-app',
  'group:default/payments-core',
];

/** The catalog with Ada as a User: a run's owner may be a person. */
const ENTITIES = [
  ...testEntities,
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'ada', namespace: 'default' },
    spec: {},
  },
];

async function startBackend() {
  const { server } = await startTestBackend({
    features: [
      flywheelPlugin,
      ...catalogHidingEntities(ENTITIES, { [EVE_REF]: HIDDEN }),
    ],
  });
  const get = (path: string, header: string) =>
    request(server).get(`/api/flywheel${path}`).set('Authorization', header);
  const post = (path: string, header: string, body: object) =>
    request(server)
      .post(`/api/flywheel${path}`)
      .set('Authorization', header)
      .send(body);
  return { get, post };
}

/** No name of a hidden entity anywhere in a response. */
function expectNothingHidden(body: unknown) {
  const text = JSON.stringify(body);
  for (const name of ['checkout', 'ledger', 'web-app', 'payments-core']) {
    expect(text).not.toContain(name);
  }
}

describe('golden paths against a caller the catalog hides entities from', () => {
  it('lists and counts only what the caller may see', async () => {
    const { get } = await startBackend();
    const ada = await get('/golden-paths', ADA);
    expect(ada.status).toBe(200);
    expect(ada.body.totals).toEqual({
      components: 8,
      fromGoldenPaths: 5,
      adoptionPercent: 62.5,
    });

    const eve = await get('/golden-paths', EVE);
    expect(eve.status).toBe(200);
    // refunds (ts-service) is the one golden-path service Eve sees;
    // pay-web and portal came from a golden path she cannot see.
    expect(eve.body.totals).toEqual({
      components: 6,
      fromGoldenPaths: 1,
      adoptionPercent: 16.7,
    });
    expect(eve.body.items.map((i: any) => i.templateRef)).toEqual([
      'template:default/ts-service',
    ]);
    expect(eve.body.items[0]).toMatchObject({
      servicesCreated: 1,
      drifted: [],
    });
    expectNothingHidden(eve.body);
  });

  it("answers a team's adoption without its hidden services or sub-teams, and a hidden team as unknown", async () => {
    const { get } = await startBackend();
    const query = '/golden-paths/adoption?groupRef=group:default/';
    expect((await get(`${query}payments`, ADA)).body.totalComponents).toBe(6);

    const payments = await get(`${query}payments`, EVE);
    expect(payments.status).toBe(200);
    expect(payments.body).toMatchObject({
      groupRefs: ['group:default/payments'],
      totalComponents: 2,
      fromGoldenPaths: 0,
    });
    expect(payments.body.components.map((c: any) => c.entityRef)).toEqual([
      'component:default/old-batch',
      'component:default/pay-web',
    ]);
    expectNothingHidden(payments.body);

    const hiddenTeam = await get(`${query}payments-core`, EVE);
    expect(hiddenTeam.status).toBe(404);
    // The same answer as for a team that does not exist.
    const unknown = await get(`${query}nobody`, EVE);
    expect(unknown.status).toBe(404);
    expect(hiddenTeam.body.error.message).toBe(
      unknown.body.error.message.replace('nobody', 'payments-core'),
    );
  });

  it('counts the adoption metric only over what the caller may see', async () => {
    const { get } = await startBackend();
    const series = (query: string, header: string) =>
      get(
        `/metrics/goldenPaths.adoption/series?from=2026-11-01&to=2026-12-01&interval=month${query}`,
        header,
      );
    const ada = await series('', ADA);
    expect(ada.status).toBe(200);
    const eve = await series('', EVE);
    expect(eve.status).toBe(200);
    expect(ada.body.total.sampleSize).toBe(8);
    expect(eve.body.total.sampleSize).toBe(6);
    expect(
      (await series('&groupRef=group:default/payments', EVE)).body.total
        .sampleSize,
    ).toBe(2);
    expect(
      (await series('&groupRef=group:default/payments-core', EVE)).status,
    ).toBe(404);
  });

  it('counts golden-path runs, in metrics and on the golden paths page, only of golden paths, services and teams the caller may see', async () => {
    const { get, post } = await startBackend();
    const run = (
      taskId: string,
      template: string,
      entity: string,
      owner: string,
      minutes: number,
    ) =>
      post('/golden-paths/runs', ADA, {
        taskId,
        templateRef: `template:default/${template}`,
        entityRef: `component:default/${entity}`,
        ownerRef: owner.includes(':') ? owner : `group:default/${owner}`,
        startedAt: '2026-11-10T10:00:00Z',
        completedAt: `2026-11-10T10:${String(minutes).padStart(2, '0')}:00Z`,
        outcome: 'succeeded',
      });
    for (const recorded of [
      await run('seen', 'ts-service', 'refunds', 'payments', 2),
      // Owned by a person she may see: it counts.
      await run('by-a-person', 'ts-service', 'refunds', 'user:default/ada', 3),
      // Each of these names one thing the catalog hides from Eve.
      await run('hidden-service', 'ts-service', 'checkout', 'payments', 4),
      await run('hidden-team', 'ts-service', 'pay-web', 'payments-core', 6),
      await run('hidden-path', 'web-app', 'portal', 'platform', 10),
    ]) {
      expect(recorded.status).toBe(201);
    }
    const series = (metric: string, query: string, header: string) =>
      get(
        `/metrics/goldenPaths.${metric}/series?from=2026-11-01&to=2026-12-01&interval=month${query}`,
        header,
      );

    const adaRuns = await series('runs', '', ADA);
    expect(adaRuns.status).toBe(200);
    expect(adaRuns.body.total).toMatchObject({ value: 5 });
    expect((await series('creationTime.median', '', ADA)).body.total).toEqual(
      expect.objectContaining({ value: 240, sampleSize: 5 }),
    );

    const eveRuns = await series('runs', '', EVE);
    expect(eveRuns.status).toBe(200);
    expect(eveRuns.body.total).toMatchObject({ value: 2 });
    // Her median is of her two runs: nothing of the hidden ones leaks in.
    expect((await series('creationTime.median', '', EVE)).body.total).toEqual(
      expect.objectContaining({ value: 150, sampleSize: 2 }),
    );
    const payments = await series(
      'runs',
      '&groupRef=group:default/payments',
      EVE,
    );
    expect(payments.status).toBe(200);
    expect(payments.body.total).toMatchObject({ value: 1 });
    expect(
      (await series('runs', '&groupRef=group:default/payments-core', EVE))
        .status,
    ).toBe(404);
    // A golden path she may not see answers as one that does not exist.
    const pathRuns = async (name: string) => {
      const res = await series(
        'runs',
        `&goldenPath=template:default/${name}`,
        EVE,
      );
      return [res.status, res.body.total];
    };
    expect(await pathRuns('web-app')).toEqual(await pathRuns('nothing'));
    expect(await pathRuns('web-app')).toEqual([
      200,
      expect.objectContaining({ value: 0 }),
    ]);
    expectNothingHidden(eveRuns.body);

    // The golden paths page counts the same runs.
    const tsService = async (header: string) =>
      (await get('/golden-paths', header)).body.items.find(
        (i: any) => i.templateRef === 'template:default/ts-service',
      );
    expect(await tsService(ADA)).toMatchObject({
      runs: { total: 4, succeeded: 4 },
      medianCreationSeconds: 210,
    });
    expect(await tsService(EVE)).toMatchObject({
      runs: { total: 2, succeeded: 2 },
      medianCreationSeconds: 150,
    });
  });
});
