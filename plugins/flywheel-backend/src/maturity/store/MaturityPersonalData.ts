import { Knex } from 'knex';
import { pseudonymiseBefore, replacePerson } from '../../database/personalData';
import { PersonalDataHolder } from '../../interfaces/personalData';

const TRANSITIONS = 'maturity_transitions';
const ATTESTATIONS = 'maturity_attestations';
const TARGETS = 'outcome_targets';
const DAY_MS = 86_400_000;

/**
 * Who moved capabilities, attested or waived their criteria, and set
 * dashboard targets. The records stay (stages, criteria and targets rest
 * on them); the person is replaced on erasure, and detached from
 * attestations and waivers after `attestationDays`. Rationales, notes and
 * evidence links stay: free text is not searched for names.
 */
export class MaturityPersonalData implements PersonalDataHolder {
  constructor(
    private readonly db: Knex,
    private readonly attestationDays: number,
  ) {}

  async erase(trx: Knex.Transaction, userRef: string, pseudonym: string) {
    return {
      [TRANSITIONS]: await replacePerson(
        trx,
        TRANSITIONS,
        'actor_ref',
        userRef,
        pseudonym,
      ),
      [ATTESTATIONS]: await replacePerson(
        trx,
        ATTESTATIONS,
        'actor_ref',
        userRef,
        pseudonym,
      ),
      [TARGETS]: await replacePerson(
        trx,
        TARGETS,
        'set_by',
        userRef,
        pseudonym,
      ),
    };
  }

  async purge(now: Date) {
    return {
      [ATTESTATIONS]: await pseudonymiseBefore(this.db, {
        table: ATTESTATIONS,
        column: 'actor_ref',
        idColumn: 'id',
        timeColumn: 'created_at',
        cutoff: new Date(now.getTime() - this.attestationDays * DAY_MS),
      }),
    };
  }
}
