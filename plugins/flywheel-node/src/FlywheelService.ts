import {
  AuthService,
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  createServiceRef,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { RecordRunRequest } from '@flywheel/plugin-flywheel-common';

/**
 * What other backend plugins and modules can ask of the Flywheel backend.
 * Calls carry the caller's credentials so Flywheel applies its permissions
 * to the person (or service) on whose behalf they act.
 *
 * @public
 */
export interface FlywheelService {
  /** Records a golden-path scaffolder run (`POST /golden-paths/runs`). */
  recordRun(
    run: RecordRunRequest,
    options: { credentials: BackstageCredentials },
  ): Promise<void>;

  /**
   * Tells Flywheel that something happened for a person, so that surveys
   * triggered by that event (e.g. `deployment.first-production`) ask them
   * (`POST /surveys/triggers`). Sent with the calling plugin's own service
   * credentials: only backends fire triggers.
   */
  fireSurveyTrigger(trigger: {
    event: string;
    userRef: string;
    context?: Record<string, unknown>;
  }): Promise<void>;
}

/**
 * Talks to the Flywheel backend over HTTP, wherever discovery says it runs.
 *
 * @public
 */
export class DefaultFlywheelService implements FlywheelService {
  constructor(
    private readonly deps: { discovery: DiscoveryService; auth: AuthService },
  ) {}

  async recordRun(
    run: RecordRunRequest,
    options: { credentials: BackstageCredentials },
  ): Promise<void> {
    await this.post('/golden-paths/runs', run, options.credentials);
  }

  async fireSurveyTrigger(trigger: {
    event: string;
    userRef: string;
    context?: Record<string, unknown>;
  }): Promise<void> {
    await this.post(
      '/surveys/triggers',
      trigger,
      await this.deps.auth.getOwnServiceCredentials(),
    );
  }

  private async post(
    path: string,
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const baseUrl = await this.deps.discovery.getBaseUrl('flywheel');
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'flywheel',
    });
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      // The scaffolder log shows only the message: put the backend's reason in it.
      const error = await ResponseError.fromResponse(response);
      error.message = `${error.message}: ${error.cause.message}`;
      throw error;
    }
  }
}

/**
 * The Flywheel backend as a service for other backend plugins and modules,
 * e.g. `deps: { flywheel: flywheelServiceRef }`.
 *
 * @public
 */
export const flywheelServiceRef = createServiceRef<FlywheelService>({
  id: 'flywheel.client',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { discovery: coreServices.discovery, auth: coreServices.auth },
      factory: deps => new DefaultFlywheelService(deps),
    }),
});
