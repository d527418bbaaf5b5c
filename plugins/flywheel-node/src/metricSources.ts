import {
  createExtensionPoint,
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { DeploymentInput } from '@flywheel/plugin-flywheel-common';

/**
 * A system Flywheel pulls deployments from, instead of (or besides) CI/CD
 * posting them: Argo CD, Spinnaker, a deployment database. Flywheel calls
 * `pull` on its schedule, once across replicas, with the cursor the last
 * pull returned, and stores what comes back exactly as posted deployments
 * (idempotent by id, the same checks, the service found by entityRef or
 * repository).
 *
 * @public
 */
export interface FlywheelDeploymentSource {
  /** Lowercase letters, digits and dashes; names the scheduled task. */
  id: string;
  /** Default: every 15 minutes. */
  schedule?: SchedulerServiceTaskScheduleDefinition;
  pull(options: {
    /** What the last successful pull returned as `cursor`; none the first time. */
    cursor?: string;
    logger: LoggerService;
    signal?: AbortSignal;
  }): Promise<{
    deployments: DeploymentInput[];
    /** Where the next pull starts (e.g. the newest finish time seen). */
    cursor?: string;
  }>;
}

/**
 * Lets backend modules add deployment sources to Flywheel's metrics.
 *
 * @public
 */
export interface FlywheelMetricsExtensionPoint {
  addDeploymentSource(...sources: FlywheelDeploymentSource[]): void;
}

/**
 * @public
 */
export const flywheelMetricsExtensionPoint =
  createExtensionPoint<FlywheelMetricsExtensionPoint>({
    id: 'flywheel.metrics',
  });
