import { Knex } from 'knex';
import {
  RecordRunRequest,
  ScaffolderRunOutcome,
} from '@flywheel/plugin-flywheel-common';

const TABLE = 'flywheel_scaffolder_runs';

/** A recorded golden-path run, as stored. */
export interface ScaffolderRun {
  taskId: string;
  templateRef: string;
  templateVersion?: string;
  entityRef?: string;
  ownerRef?: string;
  userRef?: string;
  startedAt?: Date;
  completedAt?: Date;
  outcome: ScaffolderRunOutcome;
}

/** A run to store: the request body plus the user taken from credentials. */
export type NewScaffolderRun = RecordRunRequest & { userRef?: string };

type Row = {
  task_id: string;
  template_ref: string;
  template_version: string | null;
  entity_ref: string | null;
  owner_ref: string | null;
  user_ref: string | null;
  started_at: Date | string | null;
  completed_at: Date | string | null;
  outcome: string;
};

// SQLite hands timestamps back as strings or epoch numbers, PostgreSQL as Dates.
function toDate(value: Date | string | number | null): Date | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  return value instanceof Date ? value : new Date(value);
}

function toRow(run: NewScaffolderRun): Row {
  return {
    task_id: run.taskId,
    template_ref: run.templateRef.toLocaleLowerCase('en-US'),
    template_version: run.templateVersion ?? null,
    entity_ref: run.entityRef?.toLocaleLowerCase('en-US') ?? null,
    owner_ref: run.ownerRef?.toLocaleLowerCase('en-US') ?? null,
    user_ref: run.userRef ?? null,
    started_at: run.startedAt ? new Date(run.startedAt) : null,
    completed_at: run.completedAt ? new Date(run.completedAt) : null,
    outcome: run.outcome,
  };
}

function fromRow(row: Row): ScaffolderRun {
  return {
    taskId: row.task_id,
    templateRef: row.template_ref,
    templateVersion: row.template_version ?? undefined,
    entityRef: row.entity_ref ?? undefined,
    ownerRef: row.owner_ref ?? undefined,
    userRef: row.user_ref ?? undefined,
    startedAt: toDate(row.started_at),
    completedAt: toDate(row.completed_at),
    outcome: row.outcome as ScaffolderRunOutcome,
  };
}

/** Stores scaffolder runs of golden paths, one row per task. */
export class ScaffolderRunStore {
  constructor(private readonly db: Knex) {}

  /** Inserts or, for a task already recorded, updates the run (retries are safe). */
  async upsert(run: NewScaffolderRun): Promise<void> {
    await this.db<Row>(TABLE).insert(toRow(run)).onConflict('task_id').merge();
  }

  /** Inserts the run unless its task is already recorded; true if inserted. */
  async insertIfAbsent(run: NewScaffolderRun): Promise<boolean> {
    const inserted = await this.db<Row>(TABLE)
      .insert(toRow(run))
      .onConflict('task_id')
      .ignore()
      .returning('task_id');
    return inserted.length > 0;
  }

  /** Every recorded run, optionally of some templates only. */
  async list(
    options: { templateRefs?: string[] } = {},
  ): Promise<ScaffolderRun[]> {
    const query = this.db<Row>(TABLE).select('*').orderBy('task_id');
    if (options.templateRefs) {
      query.whereIn('template_ref', options.templateRefs);
    }
    return (await query).map(fromRow);
  }
}
