import { Knex } from 'knex';
import { replacePerson } from '../../database/personalData';
import { PersonalDataHolder } from '../../interfaces/personalData';

const CAMPAIGNS = 'campaigns';

/** Who created and closed campaigns: replaced on erasure, the campaigns stay. */
export class CampaignPersonalData implements PersonalDataHolder {
  async erase(trx: Knex.Transaction, userRef: string, pseudonym: string) {
    let rows = 0;
    for (const column of ['created_by', 'closed_by']) {
      rows += await replacePerson(trx, CAMPAIGNS, column, userRef, pseudonym);
    }
    return { [CAMPAIGNS]: rows };
  }
}
