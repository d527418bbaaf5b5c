import {
  AuditorService,
  AuditorServiceEvent,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { flywheelPlugin } from './plugin';
import { specOperations } from './__testUtils__/specOperations';
import { testEntities } from './__testUtils__/testCatalog';

jest.setTimeout(60_000);

/**
 * Every write in the API is audited, and a refused one is audited as a
 * failure. The table below must name every write route of the OpenAPI
 * spec, with a body the spec accepts: a new write route fails this suite
 * until it is added here, with its audit event — or, for a write that is
 * deliberately left out of the audit log, with the reason why.
 */

const survey = {
  title: 'Pulse',
  anonymous: true,
  questions: [{ id: 'nps', type: 'nps', title: 'Recommend us?' }],
  audience: { type: 'everyone' },
  schedule: { opensAt: '2026-11-20T00:00:00Z', recurrence: 'none' },
  triggers: [{ type: 'wave-open' }],
  samplingPercent: 100,
};

const WRITES: Record<
  string,
  {
    path: string;
    body?: object;
    /** The audit event; absent only for a write with `notAudited`. */
    eventId?: string;
    /**
     * Why this write is deliberately not audited. It must then write no
     * audit event at all.
     */
    notAudited?: string;
    /** Backends only: called with service credentials. */
    service?: true;
    /** Needs no permission: goes through although the policy denies all. */
    needsNoPermission?: true;
  }
> = {
  'POST /golden-paths/runs': {
    path: '/golden-paths/runs',
    body: {
      taskId: 't1',
      templateRef: 'template:default/ts-service',
      outcome: 'failed',
    },
    eventId: 'golden-path-run-record',
  },
  'POST /deployments': {
    path: '/deployments',
    body: {
      id: 'deploy-1',
      entityRef: 'component:default/checkout',
      startedDate: '2026-12-01T10:00:00Z',
      finishedDate: '2026-12-01T10:05:00Z',
    },
    service: true,
    eventId: 'metric-deployment-ingest',
  },
  'POST /usage/events': {
    path: '/usage/events',
    body: {
      events: [
        {
          action: 'navigate',
          subject: '/catalog',
          context: { pluginId: 'catalog' },
          timestamp: new Date().toISOString(),
        },
      ],
    },
    needsNoPermission: true,
    notAudited:
      'The app sends every page view, click and search of every person here, every few seconds: ' +
      'auditing each batch would flood the audit log and bury the writes it exists for. ' +
      'The events are stored under the sender taken from the credentials, which is their own record, ' +
      'and they change nothing but the sender’s usage numbers.',
  },
  'POST /maturity/capabilities/{kind}/{namespace}/{name}/transitions': {
    path: '/maturity/capabilities/resource/default/ci-pipelines/transitions',
    body: { toStage: 'production-readiness', rationale: 'Ready' },
    eventId: 'maturity-transition',
  },
  'POST /maturity/capabilities/{kind}/{namespace}/{name}/attestations': {
    path: '/maturity/capabilities/resource/default/ci-pipelines/attestations',
    body: {
      stageId: 'mvp',
      criterionId: 'golden-paths-defined',
      evidenceUrl: 'https://wiki.example/paths',
      note: 'Validated',
    },
    eventId: 'maturity-attest',
  },
  'POST /maturity/capabilities/{kind}/{namespace}/{name}/waivers': {
    path: '/maturity/capabilities/resource/default/ci-pipelines/waivers',
    body: { stageId: 'mvp', criterionId: 'baseline-nps', reason: 'None' },
    eventId: 'maturity-waive',
  },
  'PUT /maturity/outcomes/targets/{key}': {
    path: '/maturity/outcomes/targets/goldenPaths.adoption',
    body: { value: 60 },
    eventId: 'maturity-target-set',
  },
  'DELETE /maturity/outcomes/targets/{key}': {
    path: '/maturity/outcomes/targets/goldenPaths.adoption',
    eventId: 'maturity-target-delete',
  },
  'POST /campaigns': {
    path: '/campaigns',
    body: {
      id: 'ts-path',
      title: 'Services onto the TS path',
      description: 'Every service on ts-service.',
      ownerRef: 'group:default/platform',
      cohort: { types: ['service'] },
      goal: { type: 'goldenPath', templateRef: 'template:default/ts-service' },
      startsAt: '2026-01-01',
      deadline: '2099-01-01',
    },
    eventId: 'campaign-create',
  },
  'POST /campaigns/{campaignId}/close': {
    path: '/campaigns/ts-path/close',
    body: { note: 'Done' },
    eventId: 'campaign-close',
  },
  'POST /scorecards/refresh': {
    path: '/scorecards/refresh',
    body: { entityRef: 'component:default/checkout' },
    eventId: 'scorecard-refresh',
  },
  'POST /scorecards/exemptions': {
    path: '/scorecards/exemptions',
    body: {
      entityRef: 'component:default/checkout',
      scorecardId: 'ops',
      checkId: 'oncall',
      justification: 'A good reason to skip it.',
      expiresAt: '2099-01-01T00:00:00Z',
    },
    eventId: 'scorecard-exemption-request',
  },
  'POST /scorecards/exemptions/{id}/decision': {
    path: '/scorecards/exemptions/x/decision',
    body: { decision: 'approved' },
    eventId: 'scorecard-exemption-decide',
  },
  'POST /scorecards/exemptions/{id}/revoke': {
    path: '/scorecards/exemptions/x/revoke',
    body: {},
    eventId: 'scorecard-exemption-revoke',
  },
  'POST /surveys': {
    path: '/surveys',
    body: survey,
    eventId: 'survey-create',
  },
  'POST /surveys/triggers': {
    path: '/surveys/triggers',
    body: { event: 'scaffolder.run.completed', userRef: 'user:default/ada' },
    service: true,
    needsNoPermission: true,
    eventId: 'survey-trigger',
  },
  'PUT /surveys/{surveyId}': {
    path: '/surveys/x',
    body: survey,
    eventId: 'survey-update',
  },
  'POST /surveys/{surveyId}/archive': {
    path: '/surveys/x/archive',
    eventId: 'survey-archive',
  },
  'POST /surveys/{surveyId}/responses': {
    path: '/surveys/x/responses',
    body: { waveId: 'w1', answers: [{ questionId: 'nps', value: 9 }] },
    eventId: 'survey-respond',
  },
  'POST /surveys/{surveyId}/prompt-actions': {
    path: '/surveys/x/prompt-actions',
    body: { waveId: 'w1', action: 'dismiss' },
    eventId: 'survey-prompt-action',
  },
  'PATCH /surveys/{surveyId}/comments/{commentId}': {
    path: '/surveys/x/comments/c1',
    body: { resolved: true },
    eventId: 'survey-comment-update',
  },
};

function writeRoutesOfSpec(): string[] {
  return specOperations()
    .filter(operation => operation.method !== 'get')
    .map(operation => operation.route);
}

describe('write routes', () => {
  it('are each listed here', () => {
    expect(Object.keys(WRITES).sort()).toEqual(writeRoutesOfSpec().sort());
  });

  it('each have an audit event, or a reason why not', () => {
    const entries = Object.entries(WRITES);
    expect(
      entries.filter(([, w]) => Boolean(w.eventId) === Boolean(w.notAudited)),
    ).toEqual([]);
    // A reason, not a word.
    expect(
      entries.filter(([, w]) => w.notAudited && w.notAudited.length < 80),
    ).toEqual([]);
  });

  it.each(Object.entries(WRITES))(
    '%s writes an audit event, a refusal included (or, not audited, none)',
    async (route, write) => {
      const events: { eventId: string; outcome?: string }[] = [];
      const auditor = mockServices.auditor.mock({
        createEvent: (async (
          options: Parameters<AuditorService['createEvent']>[0],
        ) => {
          const record: { eventId: string; outcome?: string } = {
            eventId: options.eventId,
          };
          events.push(record);
          const event: AuditorServiceEvent = {
            async success() {
              record.outcome = 'success';
            },
            async fail() {
              record.outcome = 'fail';
            },
          };
          return event;
        }) as AuditorService['createEvent'],
      });
      const { server } = await startTestBackend({
        features: [
          flywheelPlugin,
          auditor.factory,
          catalogServiceMock.factory({ entities: testEntities }),
          mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
        ],
      });
      const method = route.split(' ')[0].toLowerCase() as
        | 'post'
        | 'put'
        | 'patch'
        | 'delete';
      const res = await request(server)
        [method](`/api/flywheel${write.path}`)
        .set(
          'Authorization',
          write.service
            ? mockCredentials.service.header()
            : mockCredentials.user.header('user:default/mallory'),
        )
        .send(write.body ?? {});

      // Refused (no permission, or nothing of the caller's to change), and
      // on record as a failure of this route's event; a trigger from a
      // backend needs no permission and is on record as done.
      const refused = !write.needsNoPermission;
      expect(res.status >= 403 && res.status < 500).toBe(refused);
      expect(events).toEqual(
        write.notAudited
          ? []
          : [{ eventId: write.eventId, outcome: refused ? 'fail' : 'success' }],
      );
    },
  );
});
