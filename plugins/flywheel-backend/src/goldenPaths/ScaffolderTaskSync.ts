import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { TEMPLATE_VERSION_ANNOTATION } from '@flywheel/plugin-flywheel-common';
import { DateTime } from 'luxon';
import { ScaffolderRunStore } from './ScaffolderRunStore';

const PAGE_SIZE = 100;
const LOOKBACK_DAYS = 90;

/** The fields of a scaffolder task (GET /api/scaffolder/v2/tasks) we read. */
export interface ScaffolderTask {
  id: string;
  status: string;
  createdAt: string;
  lastHeartbeatAt?: string;
  createdBy?: string;
  spec?: {
    templateInfo?: {
      entityRef?: string;
      entity?: { metadata?: { annotations?: Record<string, string> } };
    };
    parameters?: Record<string, unknown>;
  };
}

/** A page of tasks, or undefined when this Backstage has no scaffolder. */
export type ScaffolderTaskPage = (options: {
  status: 'failed' | 'completed';
  limit: number;
  offset: number;
}) => Promise<ScaffolderTask[] | undefined>;

/**
 * Fills in runs the `flywheel:run:record` action cannot see: a failed task
 * never reaches its last step, and templates without the action (or runs
 * from before Flywheel was installed) never record. Reads the scaffolder's
 * task list and inserts what is missing; a run the action recorded is never
 * overwritten, since its times are exact.
 */
export class ScaffolderTaskSync {
  private reportedMissingScaffolder = false;

  constructor(
    private readonly runs: ScaffolderRunStore,
    private readonly fetchTasks: ScaffolderTaskPage,
    private readonly logger: LoggerService,
    private readonly now: () => DateTime = () => DateTime.utc(),
  ) {}

  static fromDiscovery(options: {
    runs: ScaffolderRunStore;
    discovery: DiscoveryService;
    auth: AuthService;
    logger: LoggerService;
  }): ScaffolderTaskSync {
    const { discovery, auth } = options;
    const fetchTasks: ScaffolderTaskPage = async ({
      status,
      limit,
      offset,
    }) => {
      const baseUrl = await discovery.getBaseUrl('scaffolder');
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: 'scaffolder',
      });
      const query = new URLSearchParams({
        status,
        limit: String(limit),
        offset: String(offset),
        order: 'desc:created_at',
      });
      const response = await fetch(`${baseUrl}/v2/tasks?${query}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (response.status === 404) {
        return undefined; // no scaffolder backend: nothing to sync
      }
      if (!response.ok) {
        throw await ResponseError.fromResponse(response);
      }
      return ((await response.json()) as { tasks: ScaffolderTask[] }).tasks;
    };
    return new ScaffolderTaskSync(options.runs, fetchTasks, options.logger);
  }

  /** Syncs tasks of the given golden-path templates; returns how many were added. */
  async sync(goldenPathRefs: Set<string>): Promise<number> {
    const since = this.now().minus({ days: LOOKBACK_DAYS });
    let added = 0;
    for (const status of ['failed', 'completed'] as const) {
      for (let offset = 0; ; offset += PAGE_SIZE) {
        const tasks = await this.fetchTasks({
          status,
          limit: PAGE_SIZE,
          offset,
        });
        if (!tasks) {
          // Said once, not as a failed task every five minutes.
          if (!this.reportedMissingScaffolder) {
            this.reportedMissingScaffolder = true;
            this.logger.warn(
              'The scaffolder backend answered 404 (is it installed?): golden-path runs are not synced from scaffolder tasks until it answers',
            );
          }
          return 0;
        }
        for (const task of tasks) {
          const templateRef =
            task.spec?.templateInfo?.entityRef?.toLocaleLowerCase('en-US');
          if (!templateRef || !goldenPathRefs.has(templateRef)) {
            continue;
          }
          const owner = task.spec?.parameters?.owner;
          const inserted = await this.runs.insertIfAbsent({
            taskId: task.id,
            templateRef,
            templateVersion:
              task.spec?.templateInfo?.entity?.metadata?.annotations?.[
                TEMPLATE_VERSION_ANNOTATION
              ],
            ownerRef: typeof owner === 'string' ? owner : undefined,
            userRef: task.createdBy || undefined,
            startedAt: task.createdAt,
            // The scaffolder keeps no completion time; its last heartbeat
            // is the closest it records.
            completedAt: task.lastHeartbeatAt,
            outcome: status === 'failed' ? 'failed' : 'succeeded',
          });
          added += inserted ? 1 : 0;
        }
        const oldest = tasks.at(-1)?.createdAt;
        if (
          tasks.length < PAGE_SIZE ||
          (oldest && DateTime.fromISO(oldest, { zone: 'utc' }) < since)
        ) {
          break;
        }
      }
    }
    if (added > 0) {
      this.logger.info(
        `Recorded ${added} golden-path runs from scaffolder tasks`,
      );
    }
    return added;
  }
}
