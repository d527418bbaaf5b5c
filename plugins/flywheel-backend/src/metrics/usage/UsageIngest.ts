import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { normalizeRef } from '../../catalog/entityRefs';
import { userRefOf } from '../../permissions/principals';
import { parseUsageEvents } from './parseUsageEvents';
import { UsageStore } from './store/UsageStore';
import type { UsageIngestResponse } from './types';

/**
 * Takes the app's analytics events for the person who sends them.
 *
 * Who the events are about comes from the caller's credentials and nothing
 * else: a payload that names a person is refused. No permission is checked:
 * recording one's own use of the portal asks for no privilege, and a policy
 * that denied it would only make the numbers wrong (an organisation that
 * does not want usage recorded leaves the analytics module out of its app).
 * Nor is each batch audited: it would put every page view of every person
 * into the audit log; the events are their own record.
 */
export class UsageIngest {
  constructor(
    private readonly deps: {
      store: UsageStore;
      now?: () => Date;
    },
  ) {}

  async record(
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<UsageIngestResponse> {
    const userRef = userRefOf(credentials);
    if (!userRef) {
      throw new NotAllowedError(
        'Usage events are recorded for a signed-in user; send them with a user token',
      );
    }
    const receivedAt = this.deps.now?.() ?? new Date();
    const events = parseUsageEvents(body, receivedAt);
    await this.deps.store.record(normalizeRef(userRef), events, receivedAt);
    return { received: events.length };
  }
}
