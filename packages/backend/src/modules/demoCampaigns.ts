import { DatabaseService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CampaignDefinition,
  compareTemplateVersions,
  judgeCampaignGoal,
  readProvenance,
} from '@flywheel/plugin-flywheel-common';
import { Config } from '@backstage/config';
import fs from 'fs-extra';
import { DateTime } from 'luxon';
import path from 'path';
import { createDemoSeedModule } from './demoSeedModule';

type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

const CAMPAIGNS = 'campaigns';
const MEMBERS = 'campaign_members';
const DAYS = 'campaign_days';
const NOTICES = 'campaign_notices';

const PM = 'user:default/marcus.oyelaran'; // Platform Product Manager
const TS_PATH = 'template:default/typescript-service';

const day = (at: DateTime) => at.toUTC().toISODate()!;

/**
 * The running campaign: every service onto the TypeScript path 1.2, six
 * weeks in and six to go; its to-do items offer the adopt-the-path
 * template. Only its history before today is seeded: Flywheel evaluates
 * the cohort itself, and today's counts are its own.
 */
export function runningCampaign(now: Date): CampaignDefinition {
  const today = DateTime.fromJSDate(now, { zone: 'utc' }).startOf('day');
  return {
    id: 'typescript-path-1-2',
    title: 'Services onto the TypeScript path 1.2',
    description:
      'Every backend service on the TypeScript golden path at 1.2 or later: health checks, a non-root container, TechDocs and Node.js 22 everywhere.',
    howTo: [
      '1. Open your team’s open items below.',
      '2. **Start onboarding** runs the *Adopt the golden path* template for the service: it adds the path’s Dockerfile, CI workflow and TechDocs and the golden-path annotations, and keeps your code.',
      '3. Services already on the path at an older version: follow the [1.2.0 changelog](/create/templates/default/typescript-service) and raise `flywheel.dev/template-version`.',
      '',
      'A service that cannot move (it is being retired, say) asks for an exemption on its scorecard page.',
    ].join('\n'),
    ownerRef: 'group:default/platform-devex',
    cohort: { types: ['service'] },
    goal: { type: 'goldenPath', templateRef: TS_PATH, minVersion: '1.2.0' },
    automation: {
      templateRef: 'template:default/adopt-golden-path',
      entityParameter: 'entity',
      parameters: { goldenPath: TS_PATH },
    },
    startsAt: day(today.minus({ weeks: 6 })),
    deadline: day(today.plus({ weeks: 6 })),
  };
}

/** The finished campaign: checkout's services onto the TypeScript path. */
export function finishedCampaign(now: Date): CampaignDefinition {
  const today = DateTime.fromJSDate(now, { zone: 'utc' }).startOf('day');
  return {
    id: 'checkout-on-the-path',
    title: 'Checkout services onto the TypeScript path',
    description:
      'The pilot: every checkout service created from or brought onto the TypeScript golden path, before the rest of the company follows.',
    ownerRef: 'group:default/platform-devex',
    cohort: { types: ['service'], owners: ['group:default/checkout'] },
    goal: { type: 'goldenPath', templateRef: TS_PATH },
    startsAt: day(today.minus({ weeks: 20 })),
    deadline: day(today.minus({ weeks: 8 })),
  };
}

const isRunningMet = (entity: Entity) => {
  const p = readProvenance(entity);
  return (
    p?.templateRef === TS_PATH &&
    !!p.templateVersion &&
    compareTemplateVersions(p.templateVersion, '1.2.0') >= 0
  );
};

/**
 * Daily counts from `from` to the day before `until`, the met count rising
 * in steps from `startMet` to `endMet` (teams adopt in batches, not
 * smoothly).
 */
export function rampDays(options: {
  from: DateTime;
  until: DateTime;
  cohort: number;
  startMet: number;
  endMet: number;
}): { day: string; cohort: number; met: number; exempt: number }[] {
  const { from, until, cohort, startMet, endMet } = options;
  const total = Math.max(1, Math.round(until.diff(from, 'days').days));
  const rows = [];
  for (let i = 0; i < total; i++) {
    // Six steps over the period: teams adopt in batches.
    const at = from.plus({ days: i });
    const progress = Math.floor((i / total) * 6) / 6;
    rows.push({
      day: day(at),
      cohort,
      met: Math.min(
        endMet,
        startMet + Math.round((endMet - startMet) * progress),
      ),
      exempt: 0,
    });
  }
  return rows;
}

export type DemoCampaignsResult =
  | { status: 'waiting'; reason: string }
  | { status: 'exists'; reason: string }
  | { status: 'done'; days: number; members: number };

/**
 * Seeds the demo's campaigns once: the running one with its history up to
 * yesterday (its counts end where the catalog stands today, so the burn-up
 * joins Flywheel's own first count), and the finished one, closed, with
 * its cohort met entity by entity and every notice already sent. Skipped
 * when the instance has campaigns of its own (made in the UI or API).
 */
export async function seedDemoCampaigns(
  db: Knex,
  services: readonly Entity[],
  now: Date,
): Promise<DemoCampaignsResult> {
  if (!(await db.schema.hasTable(NOTICES))) {
    return { status: 'waiting', reason: 'Flywheel has not migrated yet' };
  }
  if (services.length === 0) {
    return { status: 'waiting', reason: 'no services in the catalog yet' };
  }
  const today = DateTime.fromJSDate(now, { zone: 'utc' }).startOf('day');
  const running = runningCampaign(now);
  const finished = finishedCampaign(now);
  const runningStart = DateTime.fromISO(running.startsAt, { zone: 'utc' });
  const metToday = services.filter(isRunningMet).length;
  const runningDays = rampDays({
    from: runningStart,
    until: today,
    cohort: services.length,
    startMet: Math.max(0, metToday - 5),
    endMet: metToday,
  });

  const checkout = services.filter(s =>
    s.relations?.some(
      r =>
        r.type === 'ownedBy' &&
        r.targetRef.toLocaleLowerCase('en-US') === 'group:default/checkout',
    ),
  );
  const finishedStart = DateTime.fromISO(finished.startsAt, { zone: 'utc' });
  const finishedEnd = DateTime.fromISO(finished.deadline, {
    zone: 'utc',
  }).minus({ weeks: 1 });
  const finishedDays = rampDays({
    from: finishedStart,
    until: finishedEnd.plus({ days: 1 }),
    cohort: checkout.length,
    startMet: Math.max(0, checkout.length - 4),
    endMet: checkout.length,
  });
  const members = checkout.map((entity, i) => {
    const judged = judgeCampaignGoal(finished.goal, {
      provenance: readProvenance(entity),
    });
    // The earliest ones met it at the start; the rest one by one after.
    const metAt = finishedStart.plus({
      days: Math.max(0, i - (checkout.length - 4) + 1) * 14,
    });
    return {
      campaign_id: finished.id,
      entity_ref: stringifyEntityRef(entity),
      title: entity.metadata.title ?? null,
      owner_ref: 'group:default/checkout',
      state: judged.state,
      reason: judged.reason,
      met_at: judged.state === 'met' ? metAt.toJSDate() : null,
      updated_at: metAt.toJSDate(),
    };
  });
  const metAll = members.every(m => m.state === 'met');

  return db.transaction(async trx => {
    // Campaigns of config are re-written at every start; only campaigns made
    // in the UI or API are the instance's own.
    const existing = await trx(CAMPAIGNS).where('source', 'api').first('id');
    if (existing) {
      return {
        status: 'exists',
        reason: `the instance has campaigns (${existing.id})`,
      };
    }
    await trx(CAMPAIGNS).insert([
      {
        id: running.id,
        source: 'api',
        definition: JSON.stringify(running),
        starts_at: runningStart.toJSDate(),
        deadline: DateTime.fromISO(running.deadline, {
          zone: 'utc',
        }).toJSDate(),
        created_by: PM,
        created_at: runningStart.minus({ days: 3 }).toJSDate(),
        baseline: JSON.stringify({
          cohort: services.length,
          met: runningDays[0]?.met ?? metToday,
          exempt: 0,
          at: runningStart.toISO(),
        }),
      },
      {
        id: finished.id,
        source: 'api',
        definition: JSON.stringify(finished),
        starts_at: finishedStart.toJSDate(),
        deadline: DateTime.fromISO(finished.deadline, {
          zone: 'utc',
        }).toJSDate(),
        created_by: PM,
        created_at: finishedStart.minus({ days: 7 }).toJSDate(),
        closed_at: finishedEnd.plus({ days: 2 }).toJSDate(),
        closed_by: PM,
        close_note:
          'Every checkout service is on the path. The pilot’s lessons went into the company-wide campaign.',
        completed_at: metAll ? finishedEnd.toJSDate() : null,
        baseline: JSON.stringify({
          cohort: checkout.length,
          met: finishedDays[0]?.met ?? 0,
          exempt: 0,
          at: finishedStart.toISO(),
        }),
        refreshed_at: finishedEnd.toJSDate(),
      },
    ]);
    const days = [
      ...runningDays.map(d => ({ campaign_id: running.id, ...d })),
      ...finishedDays.map(d => ({ campaign_id: finished.id, ...d })),
    ];
    await trx.batchInsert(DAYS, days, 100);
    await trx.batchInsert(MEMBERS, members, 100);
    await trx(NOTICES).insert(
      ['launch', 'completion'].map(notice => ({
        campaign_id: finished.id,
        notice,
        sent_at: finishedStart.toJSDate(),
      })),
    );
    return { status: 'done', days: days.length, members: members.length };
  });
}

/** The services `flywheelExample.demoLegacyServices` registers, by folder. */
async function legacyServiceNames(config: Config): Promise<string[]> {
  const source = config.getOptionalString('flywheelExample.demoLegacyServices');
  if (!source) {
    return [];
  }
  const entries = await fs.readdir(path.resolve(source), {
    withFileTypes: true,
  });
  return entries.filter(e => e.isDirectory()).map(e => e.name);
}

/**
 * Example instance only: the demo's campaigns (`flywheelExample.demoCampaigns`).
 */
export const flywheelModuleDemoCampaigns = createDemoSeedModule({
  moduleId: 'example-demo-campaigns',
  flag: 'demoCampaigns',
  label: 'Demo campaigns',
  initialDelay: { seconds: 15 },
  timeout: { minutes: 1 },
  seeder:
    () =>
    async ({ knex, catalog, credentials, config }) => {
      const { items } = await catalog.getEntities(
        { filter: { kind: 'component', 'spec.type': 'service' } },
        { credentials: await credentials() },
      );
      // The history's cohort is the catalog's services of now: with the
      // demo's legacy services, wait until the catalog has them too.
      const missing = (await legacyServiceNames(config)).filter(
        name => !items.some(e => e.metadata.name === name),
      );
      if (missing.length > 0) {
        return {
          status: 'waiting',
          reason: `legacy services not in the catalog yet: ${missing.join(
            ', ',
          )}`,
        };
      }
      const result = await seedDemoCampaigns(knex, items, new Date());
      if (result.status === 'waiting') {
        return result;
      }
      return {
        status: 'done',
        message:
          result.status === 'done'
            ? `wrote two campaigns with ${result.days} days of history and ${result.members} finished items`
            : `nothing to do (${result.reason})`,
      };
    },
});
