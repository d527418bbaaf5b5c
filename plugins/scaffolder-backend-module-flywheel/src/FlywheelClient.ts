import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { RecordRunRequest } from '@flywheel/plugin-flywheel-common';

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

/** Talks to the Flywheel and scaffolder backends over HTTP. */
export class HttpFlywheelRunRecorder implements FlywheelRunRecorder {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
  ) {}

  async taskCreatedAt(taskId: string): Promise<string | undefined> {
    const baseUrl = await this.discovery.getBaseUrl('scaffolder');
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
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
    const baseUrl = await this.discovery.getBaseUrl('flywheel');
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf,
      targetPluginId: 'flywheel',
    });
    const response = await fetch(`${baseUrl}/golden-paths/runs`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(run),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
  }
}
