import { Knex } from 'knex';
import { replacePerson } from '../../database/personalData';
import { PersonalDataHolder } from '../../interfaces/personalData';

const EXEMPTIONS = 'scorecard_exemptions';

/**
 * Who requested, decided and revoked exemptions. The exemptions stay (a
 * check's result depends on them, and they are the record of the
 * decision); the person is replaced on erasure. Their notes stay too:
 * free text is not searched for names.
 */
export class ExemptionPersonalData implements PersonalDataHolder {
  async erase(trx: Knex.Transaction, userRef: string, pseudonym: string) {
    let rows = 0;
    for (const column of ['requested_by', 'decided_by', 'revoked_by']) {
      rows += await replacePerson(trx, EXEMPTIONS, column, userRef, pseudonym);
    }
    return { [EXEMPTIONS]: rows };
  }
}
