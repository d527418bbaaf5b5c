import {
  resolvePackagePath,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import flywheelPlugin from '@flywheel/plugin-flywheel-backend';
import {
  MaturityCapabilitiesResponse,
  MaturityCapabilityDetail,
  MaturityCriterionStatus,
  MaturityModelDefinition,
  MaturityTransition,
} from '@flywheel/plugin-flywheel-common';
import request from 'supertest';
import { flywheelModuleDemoDeployments } from './demoDeployments';
import {
  CAPABILITIES,
  DEMO_MODEL,
  DEMO_STAGES,
  demoMaturityRows,
  flywheelModuleDemoMaturity,
  seedDemoMaturity,
} from './demoMaturity';
import { flywheelModuleDemoSurveys } from './demoSurveys';
import { exampleCatalog } from './__testUtils__/exampleCatalog';

jest.setTimeout(120_000);

type Knex = Awaited<ReturnType<TestDatabases['init']>>;

const migrations = resolvePackagePath(
  '@flywheel/plugin-flywheel-backend',
  'migrations',
);
const NOW = new Date('2026-12-06T09:00:00.000Z');
const DAY_MS = 86_400_000;
const GUEST = 'user:default/guest';

/** Each transition's `criteria` and the rows in order, read back. */
async function readTransitions(knex: Knex) {
  const rows = await knex('maturity_transitions').orderBy([
    'capability_ref',
    'seq',
  ]);
  return rows.map(r => ({ ...r, criteria: JSON.parse(r.criteria) }));
}

/** The built-in model as the plugin registers it, from a started backend. */
async function builtInModel(): Promise<MaturityModelDefinition> {
  const backend = await startTestBackend({
    features: [flywheelPlugin, mockServices.scheduler.mock().factory],
  });
  const res = await request(backend.server)
    .get('/api/flywheel/maturity/models')
    .set('Authorization', mockCredentials.user.header());
  await backend.stop();
  expect(res.status).toBe(200);
  return res.body.items.find(
    (m: MaturityModelDefinition) =>
      m.id === DEMO_MODEL.id && m.version === DEMO_MODEL.version,
  );
}

describe('demo maturity', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  let model: MaturityModelDefinition;

  beforeAll(async () => {
    model = await builtInModel();
  });

  it('is a history Flywheel could have written, in the built-in model', () => {
    const { transitions, attestations } = demoMaturityRows(model, NOW);
    const stageIds = model.stages.map(s => s.id);
    const time = (row: Record<string, unknown>) =>
      (row.created_at as Date).getTime();
    const of = (ref: string) =>
      transitions.filter(t => t.capability_ref === ref);

    // Nine months of moves, one stage at a time, seq 1, 2, 3 per capability.
    expect(
      Object.fromEntries(
        Object.values(CAPABILITIES).map(ref => [
          ref,
          of(ref).map(t => `${t.seq}:${t.direction}:${t.to_stage}`),
        ]),
      ),
    ).toEqual({
      [CAPABILITIES.portal]: [
        '1:initial:mvp',
        '2:promotion:production-readiness',
        '3:promotion:adoption-scaling',
      ],
      [CAPABILITIES.ci]: [
        '1:initial:mvp',
        '2:promotion:production-readiness',
        '3:promotion:adoption-scaling',
      ],
      [CAPABILITIES.kubernetes]: [
        '1:initial:mvp',
        '2:promotion:production-readiness',
      ],
      [CAPABILITIES.templates]: [
        '1:initial:mvp',
        '2:promotion:production-readiness',
      ],
      [CAPABILITIES.observability]: [
        '1:initial:mvp',
        '2:promotion:production-readiness',
        '3:demotion:mvp',
      ],
      [CAPABILITIES.secrets]: ['1:initial:mvp'],
    });
    expect(
      Object.fromEntries(
        Object.values(CAPABILITIES).map(ref => [
          ref,
          of(ref)[of(ref).length - 1].to_stage,
        ]),
      ),
    ).toEqual(DEMO_STAGES);
    // Each move starts where the one before ended, later than it, in the
    // last nine months; the stage titles are the model's, frozen.
    const broken = transitions.filter((t, _, all) => {
      const before = all.find(
        b =>
          b.capability_ref === t.capability_ref &&
          b.seq === (t.seq as number) - 1,
      );
      return (
        t.from_stage !== (before?.to_stage ?? null) ||
        (before && time(before) >= time(t)) ||
        time(t) >= NOW.getTime() ||
        time(t) < NOW.getTime() - 280 * DAY_MS ||
        t.model_id !== 'platform-stages' ||
        t.model_version !== 1 ||
        t.to_title !==
          model.stages[stageIds.indexOf(t.to_stage as string)].title ||
        !/^user:default\/[a-z.]+$/.test(t.actor_ref as string) ||
        String(t.rationale).length < 20
      );
    });
    expect(broken).toEqual([]);

    // Each move froze the exit criteria of the stage it left, as Flywheel
    // freezes them.
    const frozen = transitions.map(t => ({
      ref: t.capability_ref,
      direction: t.direction,
      at: time(t),
      override: Boolean(t.override_reason),
      stage: model.stages.find(s => s.id === t.from_stage),
      criteria: JSON.parse(t.criteria as string) as MaturityCriterionStatus[],
    }));
    expect(frozen.map(f => f.criteria.map(c => `${c.id}:${c.title}`))).toEqual(
      frozen.map(f => (f.stage?.criteria ?? []).map(c => `${c.id}:${c.title}`)),
    );
    const criteria = frozen.flatMap(f =>
      f.criteria.map(c => ({ ...c, frozenAt: f.at })),
    );
    // Metric criteria with a value say how it compares and link to it;
    // attestations were made before the move that froze them.
    expect(
      criteria
        .filter(c => c.type === 'metric' && c.metric)
        .filter(
          c =>
            !/samples\) (meets|misses)|fewer than the \d+ samples needed/.test(
              c.reason,
            ) || !c.link?.startsWith('/flywheel/metrics?metric='),
        ),
    ).toEqual([]);
    expect(
      criteria
        .filter(c => c.attestation)
        .filter(
          c =>
            Date.parse(c.attestation!.at) >= c.frozenAt ||
            !attestations.some(a => a.id === c.attestation!.id),
        ),
    ).toEqual([]);
    // A promotion with a required criterion neither met nor waived carries
    // an override reason: the developer portal's, the only one.
    expect(
      frozen
        .filter(f => f.direction === 'promotion')
        .map(f => ({
          ref: f.ref,
          override: f.override,
          blocked: f.criteria.some(
            c => c.required && c.status !== 'met' && c.status !== 'waived',
          ),
        }))
        .filter(p => p.override || p.blocked),
    ).toEqual([{ ref: CAPABILITIES.portal, override: true, blocked: true }]);

    // Attestations of manual criteria with evidence on the wiki, and two
    // waivers.
    const manual = new Set(
      model.stages.flatMap(s =>
        s.criteria.filter(c => c.type === 'manual').map(c => `${s.id}/${c.id}`),
      ),
    );
    expect(attestations.filter(a => a.kind === 'waiver')).toHaveLength(2);
    expect(
      attestations
        .filter(a => a.kind === 'attestation')
        .filter(
          a =>
            !manual.has(`${a.stage_id}/${a.criterion_id}`) ||
            !/^https:\/\/wiki\.acme\.example\//.test(a.evidence_url as string),
        ),
    ).toEqual([]);
  });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    it('waits for the tables and the model, seeds once, and never over history', async () => {
      const knex = await databases.init(databaseId);
      expect(await seedDemoMaturity(knex, NOW)).toEqual({
        status: 'waiting',
        reason: 'Flywheel has not migrated yet',
      });
      await knex.migrate.latest({ directory: migrations });
      expect(await seedDemoMaturity(knex, NOW)).toEqual({
        status: 'waiting',
        reason: "stage model 'platform-stages' v1 not registered yet",
      });
      await knex('maturity_models').insert({
        model_id: model.id,
        version: model.version,
        definition: JSON.stringify(model),
        first_seen_at: NOW,
      });

      const result = await seedDemoMaturity(knex, NOW);
      expect(result).toEqual({
        status: 'done',
        transitions: 14,
        attestations: 12,
      });
      const transitions = await readTransitions(knex);
      expect(transitions).toHaveLength(14);
      expect(
        transitions.filter(t => t.capability_ref === CAPABILITIES.portal),
      ).toMatchObject([
        { seq: 1, direction: 'initial', to_stage: 'mvp' },
        { seq: 2, direction: 'promotion', to_stage: 'production-readiness' },
        {
          seq: 3,
          direction: 'promotion',
          to_stage: 'adoption-scaling',
          override_reason: expect.stringMatching(/time to first deploy/),
        },
      ]);
      expect(await knex('maturity_attestations')).toHaveLength(12);

      // Again: nothing.
      expect(await seedDemoMaturity(knex, NOW)).toEqual({
        status: 'exists',
        reason: `the instance has maturity history (${transitions[0].capability_ref})`,
      });
      expect(await knex('maturity_transitions')).toHaveLength(14);
    });

    it('writes nothing when someone attested or moved a capability first', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrations });
      await knex('maturity_models').insert({
        model_id: model.id,
        version: model.version,
        definition: JSON.stringify(model),
        first_seen_at: NOW,
      });
      await knex('maturity_attestations').insert({
        id: '00000000-0000-4000-8000-000000000001',
        kind: 'attestation',
        capability_ref: CAPABILITIES.secrets,
        model_id: model.id,
        stage_id: 'mvp',
        criterion_id: 'golden-paths-defined',
        actor_ref: 'user:default/guest',
        evidence_url: 'https://example.com',
        note: 'Mine',
        created_at: NOW,
        expires_at: null,
      });
      expect(await seedDemoMaturity(knex, NOW)).toMatchObject({
        status: 'exists',
      });
      expect(await knex('maturity_transitions')).toHaveLength(0);
      expect(await knex('maturity_attestations')).toHaveLength(1);
    });

    it('skips a configured model of the same id with other stages', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrations });
      const other = { ...model, stages: model.stages.slice(1) };
      await knex('maturity_models').insert({
        model_id: model.id,
        version: model.version,
        definition: JSON.stringify(other),
        first_seen_at: NOW,
      });
      expect(await seedDemoMaturity(knex, NOW)).toEqual({
        status: 'exists',
        reason: "not the built-in model: platform-stages v1 has no stage 'mvp'",
      });
      expect(await knex('maturity_transitions')).toHaveLength(0);
    });
  });

  it('on the example catalog with the demo surveys and deployments: the board and the guest’s blocked promotion', async () => {
    const scheduler = mockServices.scheduler.mock();
    const backend = await startTestBackend({
      features: [
        flywheelPlugin,
        flywheelModuleDemoSurveys,
        flywheelModuleDemoDeployments,
        flywheelModuleDemoMaturity,
        scheduler.factory,
        catalogServiceMock.factory({ entities: exampleCatalog() }),
        // The guest is in platform-devex, which owns golden-path-templates.
        mockServices.userInfo.mock({
          async getUserInfo() {
            return {
              userEntityRef: GUEST,
              ownershipEntityRefs: [GUEST, 'group:default/platform-devex'],
            };
          },
        }).factory,
        mockServices.rootConfig.factory({
          data: {
            flywheelExample: {
              demoSurveys: true,
              demoDeployments: true,
              demoMaturity: true,
            },
          },
        }),
      ],
    });
    const tasks = scheduler.scheduleTask.mock.calls.map(([t]) => t);
    const task = (id: string) =>
      tasks.find(t => t.id === `flywheel-example-${id}`)!;
    const run = async (t: SchedulerServiceTaskInvocationDefinition) => {
      // The first look at the catalog waits for it to stop changing.
      for (let i = 0; i < 3 && !t.signal?.aborted; i++) {
        await t.fn(new AbortController().signal);
      }
      expect(t.signal?.aborted).toBe(true);
    };
    await run(task('demo-surveys'));
    await run(task('demo-deployments'));
    await run(task('demo-maturity'));

    const get = (url: string) =>
      request(backend.server)
        .get(`/api/flywheel/maturity${url}`)
        .set('Authorization', mockCredentials.user.header(GUEST));
    // The running backend reads new deployments at most once a second, and
    // the list of survey metrics every 10 seconds.
    const criterionOf = (
      response: MaturityCapabilitiesResponse,
      ref: string,
      id: string,
    ) =>
      response.items
        .find(c => c.entityRef === ref)!
        .criteria.find(c => c.id === id)!;
    const settled = async (): Promise<MaturityCapabilitiesResponse> => {
      for (let i = 0; ; i++) {
        const response: MaturityCapabilitiesResponse = (
          await get('/capabilities')
        ).body;
        const ready =
          criterionOf(
            response,
            CAPABILITIES.kubernetes,
            'pioneer-deploys-daily',
          ).value !== null &&
          criterionOf(response, CAPABILITIES.kubernetes, 'csat').status !==
            'unknown';
        if (ready || i === 150) {
          return response;
        }
        await new Promise(resolve => setTimeout(resolve, 100));
      }
    };
    const board = await settled();
    const criterion = (ref: string, id: string) => criterionOf(board, ref, id);
    const item = (ref: string) => board.items.find(c => c.entityRef === ref)!;
    expect(
      Object.fromEntries(board.items.map(c => [c.entityRef, c.stage.id])),
    ).toEqual(DEMO_STAGES);

    const status = (ref: string) =>
      Object.fromEntries(item(ref).criteria.map(c => [c.id, c.status]));
    // The guest's team's capability: one manual and one metric criterion
    // keep it in Production Readiness; CSAT is met, time to first deploy
    // waived.
    expect(status(CAPABILITIES.templates)).toEqual({
      'pioneer-deploys-daily': 'unmet',
      'every-environment': 'unmet',
      csat: 'met',
      'time-to-first-deploy': 'waived',
    });
    expect(item(CAPABILITIES.templates).blockers).toEqual([
      'A pioneering team deploys daily, every week for 4 weeks',
      'In use in every environment',
    ]);
    expect(criterion(CAPABILITIES.templates, 'csat').value).toBe(78.9);
    // Kubernetes names checkout, which deploys several times a day: met in
    // every whole week; its golden paths reach production within days.
    expect(status(CAPABILITIES.kubernetes)).toEqual({
      'pioneer-deploys-daily': 'met',
      'every-environment': 'met',
      csat: 'met',
      'time-to-first-deploy': 'met',
    });
    expect(status(CAPABILITIES.observability)).toEqual({
      'golden-paths-defined': 'met',
      'baseline-nps': 'met',
    });
    expect(status(CAPABILITIES.secrets)).toEqual({
      'golden-paths-defined': 'unmet',
      'baseline-nps': 'met',
    });

    // Detail: evidence, the waiver, and the history with the override.
    const detail: MaturityCapabilityDetail = (
      await get('/capabilities/component/default/golden-path-templates')
    ).body;
    expect(detail.allowed).toEqual({ transition: true, attest: true });
    expect(detail.attestations.map(a => a.kind).sort()).toEqual([
      'attestation',
      'waiver',
    ]);
    const history: MaturityTransition[] = (
      await get('/capabilities/component/default/developer-portal/history')
    ).body.items;
    expect(history.map(t => t.direction)).toEqual([
      'promotion',
      'promotion',
      'initial',
    ]);
    expect(history[0].overrideReason).toBeTruthy();

    // The guest's journey: promoting is refused, attesting the manual
    // criterion leaves the metric one, an override promotes.
    const post = (url: string, body: object) =>
      request(backend.server)
        .post(
          `/api/flywheel/maturity/capabilities/component/default/golden-path-templates${url}`,
        )
        .set('Authorization', mockCredentials.user.header(GUEST))
        .send(body);
    const refused = await post('/transitions', {
      toStage: 'adoption-scaling',
      rationale: 'Both golden paths are used by most teams',
    });
    expect(refused.status).toBe(409);
    expect(
      (
        await post('/attestations', {
          stageId: 'production-readiness',
          criterionId: 'every-environment',
          evidenceUrl: 'https://wiki.acme.example/platform/templates/envs',
          note: 'Skeletons deploy to development, staging and production',
        })
      ).status,
    ).toBe(201);
    const stillRefused = await post('/transitions', {
      toStage: 'adoption-scaling',
      rationale: 'Both golden paths are used by most teams',
    });
    expect(stillRefused.status).toBe(409);
    expect(stillRefused.body.error.message).toMatch(
      /A pioneering team deploys daily/,
    );
    expect(stillRefused.body.error.message).not.toMatch(/every environment/);
    const promoted = await post('/transitions', {
      toStage: 'adoption-scaling',
      rationale: 'Both golden paths are used by most teams',
      overrideReason:
        'Daily deploys are ci-pipelines’ work; the templates’ teams ship weekly',
    });
    expect(promoted.status).toBe(201);
    expect(promoted.body).toMatchObject({
      direction: 'promotion',
      overrideReason: expect.any(String),
    });
    await backend.stop();
  });
});
