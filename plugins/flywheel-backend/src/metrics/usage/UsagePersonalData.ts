import { Knex } from 'knex';
import { replacePerson } from '../../database/personalData';
import { PersonalDataHolder } from '../../interfaces/personalData';

/**
 * A person's usage events, active days and when they last used each route.
 * On erasure they keep one pseudonym, so active, new and returning people
 * still count them once; their age is `UsageRetention`'s
 * (flywheel.metrics.usage.retentionDays).
 */
export class UsagePersonalData implements PersonalDataHolder {
  async erase(trx: Knex.Transaction, userRef: string, pseudonym: string) {
    return {
      usage_events: await replacePerson(
        trx,
        'usage_events',
        'user_ref',
        userRef,
        pseudonym,
      ),
      usage_user_days: await replacePerson(
        trx,
        'usage_user_days',
        'user_ref',
        userRef,
        pseudonym,
      ),
      usage_route_users: await replacePerson(
        trx,
        'usage_route_users',
        'user_ref',
        userRef,
        pseudonym,
      ),
    };
  }
}
