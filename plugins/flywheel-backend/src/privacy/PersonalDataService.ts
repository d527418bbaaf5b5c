import {
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { flywheelPrivacyErasePermission } from '@flywheel/plugin-flywheel-common';
import { randomBytes } from 'node:crypto';
import { Knex } from 'knex';
import { parseRefOfKind } from '../catalog/entityRefs';
import { ERASED_PREFIX } from '../database/personalData';
import { PersonalDataHolder, RowCounts } from '../interfaces/personalData';
import { authorizeOrThrow } from '../permissions/authorize';

export type Erasure = {
  userRef: string;
  /** Rows removed or pseudonymised, per table; tables with none left out. */
  rows: RowCounts;
};

function add(total: RowCounts, counts: RowCounts) {
  for (const [table, n] of Object.entries(counts)) {
    if (n > 0) {
      total[table] = (total[table] ?? 0) + n;
    }
  }
}

/**
 * The people in every domain's tables, through the holders the domains
 * declare: one erasure (a data-subject request) and one retention purge
 * for all of them.
 */
export class PersonalDataService {
  constructor(
    private readonly deps: {
      db: Knex;
      holders: PersonalDataHolder[];
      permissions: PermissionsService;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  /**
   * Removes or pseudonymises what Flywheel holds about a person, in one
   * transaction. The pseudonym is random and stored nowhere else, so the
   * person's rows still count once in aggregates but lead back to nobody.
   * Erasing someone with nothing stored, or twice, changes nothing.
   */
  async erase(
    input: { userRef: string },
    credentials: BackstageCredentials,
  ): Promise<Erasure> {
    await authorizeOrThrow(
      this.deps.permissions,
      flywheelPrivacyErasePermission,
      credentials,
    );
    const userRef = parseRefOfKind(input.userRef, 'user', 'userRef');
    const pseudonym = `${ERASED_PREFIX}${randomBytes(12).toString('hex')}`;
    const rows: RowCounts = {};
    await this.deps.db.transaction(async trx => {
      for (const holder of this.deps.holders) {
        add(rows, await holder.erase(trx, userRef, pseudonym));
      }
    });
    return { userRef, rows };
  }

  /** Applies every domain's retention settings; scheduled in plugin.ts. */
  async purge(): Promise<RowCounts> {
    const now = this.deps.now?.() ?? new Date();
    const rows: RowCounts = {};
    for (const holder of this.deps.holders) {
      if (holder.purge) {
        add(rows, await holder.purge(now));
      }
    }
    if (Object.keys(rows).length > 0) {
      this.deps.logger.info(
        `Retention: removed or detached people from ${Object.entries(rows)
          .map(([table, n]) => `${n} rows of ${table}`)
          .join(', ')}`,
      );
    }
    return rows;
  }
}
