import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { RecordRunRequest } from '@flywheel/plugin-flywheel-common';
import { FlywheelService } from '@flywheel/plugin-flywheel-node';

/**
 * What the scaffolder actions need from other plugins: the Flywheel backend
 * to record runs, and the scaffolder's own task API for the task start time.
 *
 * @public
 */
export interface FlywheelRunRecorder {
  /** When the scaffolder task was created, if the scaffolder tells us. */
  taskCreatedAt(taskId: string): Promise<string | undefined>;
  record(
    run: RecordRunRequest,
    onBehalfOf: BackstageCredentials,
  ): Promise<void>;
}

/** Records through the Flywheel service; reads task times from the scaffolder API. */
export class HttpFlywheelRunRecorder implements FlywheelRunRecorder {
  constructor(
    private readonly deps: {
      discovery: DiscoveryService;
      auth: AuthService;
      flywheel: FlywheelService;
    },
  ) {}

  async taskCreatedAt(taskId: string): Promise<string | undefined> {
    const { discovery, auth } = this.deps;
    const baseUrl = await discovery.getBaseUrl('scaffolder');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'scaffolder',
    });
    const response = await fetch(
      `${baseUrl}/v2/tasks/${encodeURIComponent(taskId)}`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    if (!response.ok) {
      return undefined;
    }
    const task = (await response.json()) as { createdAt?: string };
    return task.createdAt;
  }

  async record(
    run: RecordRunRequest,
    onBehalfOf: BackstageCredentials,
  ): Promise<void> {
    await this.deps.flywheel.recordRun(run, { credentials: onBehalfOf });
  }
}
