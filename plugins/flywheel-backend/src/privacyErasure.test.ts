import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import request from 'supertest';
import { flywheelPlugin } from './plugin';
import { userRefOf } from './permissions/principals';
import {
  EXAMPLE_REQUESTS,
  exampleCapability,
  exampleSurvey,
} from './__testUtils__/exampleRequests';
import { tablesOf } from './__testUtils__/tables';
import { testEntities } from './__testUtils__/testCatalog';

jest.setTimeout(120_000);

// Ada leaves the company and asks for her data to be erased. She answered
// an identified survey, dismissed another's prompt, triggered a survey, used
// the portal, ran a golden path, requested an exemption, attested a
// capability, created a campaign and set a target.
const ADA = 'user:default/ada';
const as = (user: string) => mockCredentials.user.header(user);
const SERVICE = mockCredentials.service.header();

/** Open from a day in the past until far ahead. */
const open = {
  ...exampleSurvey,
  schedule: {
    opensAt: '2026-01-01T00:00:00Z',
    closesAt: '2099-01-01T00:00:00Z',
    recurrence: 'none',
  },
};

const ada: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'ada', namespace: 'default' },
  spec: { memberOf: ['group:default/platform'] },
  relations: [{ type: 'memberOf', targetRef: 'group:default/platform' }],
};

/** Every row of every Flywheel table, by table. */
async function allRows(knex: Knex): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const table of await tablesOf(knex)) {
    result[table] = await knex(table).select();
  }
  return result;
}

const mentioning = (rows: Record<string, unknown[]>, needle: string) =>
  Object.entries(rows)
    .filter(([, list]) =>
      JSON.stringify(list).toLocaleLowerCase('en-US').includes(needle),
    )
    .map(([table]) => table);

const counts = (rows: Record<string, unknown[]>) =>
  Object.fromEntries(
    Object.entries(rows).map(([table, list]) => [table, list.length]),
  );

describe('erasing a person (POST /privacy/erasures)', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function startWithAda(knex: Knex) {
    const { server } = await startTestBackend({
      features: [
        flywheelPlugin,
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({
          entities: [...testEntities, exampleCapability, ada],
        }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        mockServices.userInfo.mock({
          async getUserInfo(credentials) {
            const user = userRefOf(credentials)!;
            return {
              userEntityRef: user,
              ownershipEntityRefs: [user, 'group:default/platform'],
            };
          },
        }).factory,
      ],
    });
    const send = async (route: string, who: string, body?: object) => {
      const example = EXAMPLE_REQUESTS[route];
      const [method] = route.toLowerCase().split(' ') as ['post' | 'put'];
      const res = await request(server)
        [method](`/api/flywheel${example.path}`)
        .set('Authorization', who)
        .send(body ?? example.body ?? {});
      if (res.status >= 300) {
        throw new Error(`${route}: ${res.status} ${JSON.stringify(res.body)}`);
      }
      return res.body;
    };

    const identified = await send('POST /surveys', as('user:default/pm'), {
      ...open,
      title: 'Identified pulse',
      anonymous: false,
    });
    await request(server)
      .post(`/api/flywheel/surveys/${identified.id}/responses`)
      .set('Authorization', as(ADA))
      .send({
        waveId: identified.currentWave.id,
        answers: [{ questionId: 'nps', value: 9, comment: 'Fast paths' }],
      })
      .expect(201);
    const other = await send('POST /surveys', as('user:default/pm'), {
      ...open,
      title: 'Another pulse',
    });
    await request(server)
      .post(`/api/flywheel/surveys/${other.id}/prompt-actions`)
      .set('Authorization', as(ADA))
      .send({ waveId: other.currentWave.id, action: 'dismiss' })
      .expect(204);
    await send('POST /surveys/triggers', SERVICE, {
      event: 'scaffolder.run.completed',
      userRef: ADA,
    });
    await send('POST /usage/events', as(ADA));
    await send('POST /golden-paths/runs', as(ADA));
    await send('POST /scorecards/exemptions', as(ADA));
    await send(
      'POST /maturity/capabilities/{kind}/{namespace}/{name}/attestations',
      as(ADA),
    );
    await send('POST /campaigns', as(ADA));
    await send('PUT /maturity/outcomes/targets/{key}', as(ADA));
    return server;
  }

  it.each(databases.eachSupportedId())(
    'leaves nothing that names the person, and every count as it was (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const server = await startWithAda(knex);
      const before = await allRows(knex);
      // The seeding reached every table that holds a person.
      expect(mentioning(before, ADA)).toEqual([
        'campaigns',
        'flywheel_scaffolder_runs',
        'flywheel_write_counts',
        'maturity_attestations',
        'outcome_targets',
        'scorecard_exemptions',
        'survey_participation',
        'survey_prompt_states',
        'survey_responses',
        'survey_trigger_events',
        'usage_events',
        'usage_route_users',
        'usage_user_days',
      ]);

      const erased = await request(server)
        .post('/api/flywheel/privacy/erasures')
        .set('Authorization', SERVICE)
        .send({ userRef: 'user:default/ADA' }); // any case
      expect(erased.status).toBe(200);
      expect(erased.body).toEqual({
        userRef: 'user:default/ada',
        rows: expect.objectContaining({
          survey_participation: 1,
          survey_responses: 1,
          survey_prompt_states: 1,
          usage_events: 1,
        }),
      });

      const after = await allRows(knex);
      expect(mentioning(after, 'user:default/ada')).toEqual([]);
      // Only her prompt state, trigger event and write counts are gone:
      // answers, events, runs and records still count, under a pseudonym.
      const deleted = [
        'flywheel_write_counts',
        'survey_prompt_states',
        'survey_trigger_events',
      ];
      const unchanged = (rows: Record<string, number>) =>
        Object.fromEntries(
          Object.entries(rows).filter(([table]) => !deleted.includes(table)),
        );
      expect(unchanged(counts(after))).toEqual(unchanged(counts(before)));
      for (const table of deleted) {
        expect([table, after[table].length]).toEqual([
          table,
          before[table].length - 1,
        ]);
      }
      // One pseudonym for all her rows, so she still counts as one person.
      const pseudonyms = new Set(
        JSON.stringify(after).match(/user:flywheel-erased\/[0-9a-f]+/g),
      );
      expect(pseudonyms.size).toBe(1);

      const again = await request(server)
        .post('/api/flywheel/privacy/erasures')
        .set('Authorization', SERVICE)
        .send({ userRef: ADA });
      expect(again.body).toEqual({ userRef: ADA, rows: {} });
    },
  );

  it('is refused to people, to backends without the permission, and for a ref that is not a user, changing nothing', async () => {
    const knex = await databases.init('SQLITE_3');
    const server = await startWithAda(knex);
    const before = await allRows(knex);

    const person = await request(server)
      .post('/api/flywheel/privacy/erasures')
      .set('Authorization', as('user:default/mallory'))
      .send({ userRef: ADA });
    expect(person.status).toBe(403);

    for (const userRef of ['ada', 'group:default/platform', '']) {
      const bad = await request(server)
        .post('/api/flywheel/privacy/erasures')
        .set('Authorization', SERVICE)
        .send({ userRef });
      expect([userRef, bad.status]).toEqual([userRef, 400]);
      expect(bad.body.error.message).toMatch(/userRef/);
    }
    const after = await allRows(knex);
    // Her write counts went on counting her own writes only.
    delete before.flywheel_write_counts;
    delete after.flywheel_write_counts;
    expect(after).toEqual(before);
  });
});
