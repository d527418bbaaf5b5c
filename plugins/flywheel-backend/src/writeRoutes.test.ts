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
import { EXAMPLE_REQUESTS } from './__testUtils__/exampleRequests';
import { specOperations } from './__testUtils__/specOperations';
import { testEntities } from './__testUtils__/testCatalog';

jest.setTimeout(60_000);

/**
 * Every write in the API is audited, and a refused one is audited as a
 * failure. The table below must name every write route of the OpenAPI
 * spec (its request is in EXAMPLE_REQUESTS): a new write route fails this suite
 * until it is added here, with its audit event — or, for a write that is
 * deliberately left out of the audit log, with the reason why.
 */

const WRITES: Record<
  string,
  {
    /** The audit event; absent only for a write with `notAudited`. */
    eventId?: string;
    /**
     * Why this write is deliberately not audited. It must then write no
     * audit event at all.
     */
    notAudited?: string;
    /** Needs no permission: goes through although the policy denies all. */
    needsNoPermission?: true;
  }
> = {
  'POST /golden-paths/runs': {
    eventId: 'golden-path-run-record',
  },
  'POST /deployments': {
    eventId: 'metric-deployment-ingest',
  },
  'POST /usage/events': {
    needsNoPermission: true,
    notAudited:
      'The app sends every page view, click and search of every person here, every few seconds: ' +
      'auditing each batch would flood the audit log and bury the writes it exists for. ' +
      'The events are stored under the sender taken from the credentials, which is their own record, ' +
      'and they change nothing but the sender’s usage numbers.',
  },
  'POST /maturity/capabilities/{kind}/{namespace}/{name}/transitions': {
    eventId: 'maturity-transition',
  },
  'POST /maturity/capabilities/{kind}/{namespace}/{name}/attestations': {
    eventId: 'maturity-attest',
  },
  'POST /maturity/capabilities/{kind}/{namespace}/{name}/waivers': {
    eventId: 'maturity-waive',
  },
  'PUT /maturity/outcomes/targets/{key}': {
    eventId: 'maturity-target-set',
  },
  'DELETE /maturity/outcomes/targets/{key}': {
    eventId: 'maturity-target-delete',
  },
  'POST /privacy/erasures': {
    eventId: 'privacy-erase',
  },
  'POST /campaigns': {
    eventId: 'campaign-create',
  },
  'POST /campaigns/{campaignId}/close': {
    eventId: 'campaign-close',
  },
  'POST /scorecards/refresh': {
    eventId: 'scorecard-refresh',
  },
  'POST /scorecards/exemptions': {
    eventId: 'scorecard-exemption-request',
  },
  'POST /scorecards/exemptions/{id}/decision': {
    eventId: 'scorecard-exemption-decide',
  },
  'POST /scorecards/exemptions/{id}/revoke': {
    eventId: 'scorecard-exemption-revoke',
  },
  'POST /surveys': {
    eventId: 'survey-create',
  },
  'POST /surveys/triggers': {
    needsNoPermission: true,
    eventId: 'survey-trigger',
  },
  'PUT /surveys/{surveyId}': {
    eventId: 'survey-update',
  },
  'POST /surveys/{surveyId}/archive': {
    eventId: 'survey-archive',
  },
  'POST /surveys/{surveyId}/responses': {
    eventId: 'survey-respond',
  },
  'POST /surveys/{surveyId}/prompt-actions': {
    eventId: 'survey-prompt-action',
  },
  'PATCH /surveys/{surveyId}/comments/{commentId}': {
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
      const example = EXAMPLE_REQUESTS[route];
      // Nothing named in the path exists: every write is refused either way.
      const path = example.path.replace(/\{\w+\}/g, 'x');
      const res = await request(server)
        [method](`/api/flywheel${path}`)
        .set(
          'Authorization',
          example.service
            ? mockCredentials.service.header()
            : mockCredentials.user.header('user:default/mallory'),
        )
        .send(example.body ?? {});

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
