import { DatabaseService } from '@backstage/backend-plugin-api';
import { createDemoSeedModule } from './demoSeedModule';

type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

const EXEMPTIONS = 'scorecard_exemptions';
const DAY_MS = 86_400_000;

/**
 * The demo's exemption request: a developer of the checkout team, which
 * owns checkout-api, asks to keep it off the current golden-path version
 * for a while. The guest (platform-devex) may approve it under the example
 * permission policy (permissionPolicy.ts); it is not theirs.
 */
export const DEMO_EXEMPTION = {
  /** Fixed, so that the request is written once whatever happens to it. */
  id: '5eeded00-0000-4000-8000-c0ec0a7e0001',
  entityRef: 'component:default/checkout-api',
  scorecardId: 'golden-path-adoption',
  checkId: 'current-template-version',
  requestedBy: 'user:default/liam.obrien',
  justification:
    'The Node.js 22 upgrade of template 1.2.0 has to wait for the payment SDK, which supports Node.js 20 only until its January release. We move checkout-api to 1.2.0 right after.',
  /** Requested this long before the seeding. */
  requestedDaysAgo: 2,
  /** Expires this long after the seeding. */
  expiresInDays: 90,
} as const;

/** What one seeding attempt did. */
export type DemoExemptionsResult =
  | { status: 'waiting'; reason: string }
  | { status: 'done'; inserted: number; reason?: string };

/**
 * Example instance only: writes {@link DEMO_EXEMPTION} as a pending request,
 * once. The service is not reachable from a module of the example backend
 * (Flywheel exports no store, and a request must come from a signed-in
 * user), so the row is written as Flywheel's store writes one (see its
 * `createExemption`). Requests are never deleted, so nothing is written
 * when this check of this entity has ever had an exemption: the seeded one
 * (approved, rejected or still pending) or one someone requested before
 * the seeding ran. Running again therefore writes nothing. Waits while
 * Flywheel's table is missing.
 */
export async function seedDemoExemptions(
  db: Knex,
  options: { now?: Date } = {},
): Promise<DemoExemptionsResult> {
  const now = options.now ?? new Date();
  if (!(await db.schema.hasTable(EXEMPTIONS))) {
    return { status: 'waiting', reason: `no table ${EXEMPTIONS} yet` };
  }
  return db.transaction(async trx => {
    const existing = await trx(EXEMPTIONS)
      .where('id', DEMO_EXEMPTION.id)
      .orWhere(builder =>
        builder.where({
          entity_ref: DEMO_EXEMPTION.entityRef,
          scorecard_id: DEMO_EXEMPTION.scorecardId,
          check_id: DEMO_EXEMPTION.checkId,
        }),
      )
      .first('id');
    if (existing) {
      return {
        status: 'done',
        inserted: 0,
        reason:
          existing.id === DEMO_EXEMPTION.id
            ? 'already seeded'
            : `the check already has exemption ${existing.id}`,
      };
    }
    const inserted = await trx(EXEMPTIONS)
      .insert({
        id: DEMO_EXEMPTION.id,
        entity_ref: DEMO_EXEMPTION.entityRef,
        scorecard_id: DEMO_EXEMPTION.scorecardId,
        check_id: DEMO_EXEMPTION.checkId,
        justification: DEMO_EXEMPTION.justification,
        requested_by: DEMO_EXEMPTION.requestedBy,
        requested_at: new Date(
          now.getTime() - DEMO_EXEMPTION.requestedDaysAgo * DAY_MS,
        ),
        expires_at: new Date(
          now.getTime() + DEMO_EXEMPTION.expiresInDays * DAY_MS,
        ),
        status: 'pending',
        decided_by: null,
        decided_at: null,
        decision_note: null,
        revoked_by: null,
        revoked_at: null,
        revoke_note: null,
      })
      .onConflict('id')
      .ignore()
      .returning('id');
    return { status: 'done', inserted: inserted.length };
  });
}

/**
 * Example instance only (`flywheelExample.demoExemptions: true`): a pending
 * exemption request of a checkout developer for checkout-api, so that the
 * guest finds one under "Exemptions waiting for a decision" on the commerce
 * and checkout team pages and can approve it (examples/README.md). Tries
 * shortly after start and every 10 seconds until Flywheel has created its
 * tables, then stops.
 */
export const flywheelModuleDemoExemptions = createDemoSeedModule({
  moduleId: 'example-demo-exemptions',
  flag: 'demoExemptions',
  label: 'Demo exemptions',
  initialDelay: { seconds: 5 },
  timeout: { minutes: 1 },
  seeder:
    () =>
    async ({ knex }) => {
      const result = await seedDemoExemptions(knex);
      if (result.status === 'waiting') {
        return result;
      }
      return {
        status: 'done',
        message: result.inserted
          ? `${DEMO_EXEMPTION.requestedBy} requested an exemption from ${DEMO_EXEMPTION.checkId} for ${DEMO_EXEMPTION.entityRef}`
          : `nothing to do (${result.reason})`,
      };
    },
});
