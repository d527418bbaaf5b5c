import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  MaturityCriterionStatus,
  MaturityTransition,
} from '@flywheel/plugin-flywheel-common';
import type { Capability } from './capabilities/Capability';

/** Tells a capability's owners what happened to it. */
export interface MaturityNotifier {
  transitioned(
    capability: Capability,
    transition: MaturityTransition,
  ): Promise<void>;
  /** A met criterion of the current stage stopped being met. */
  criterionFailing(
    capability: Capability,
    stage: { id: string; title: string },
    criterion: MaturityCriterionStatus,
  ): Promise<void>;
}

/** The capability on the Flywheel page. */
export function capabilityLink(capabilityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(capabilityRef);
  return `/flywheel/maturity/${encodeURIComponent(kind)}/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(name)}`;
}

/**
 * Through Backstage notifications, to the owning groups (a group reaches
 * its members). Values are left out: owners who may not see every service
 * behind a metric learn only that the criterion changed.
 */
export function notificationMaturityNotifier(
  notifications: NotificationService,
): MaturityNotifier {
  return {
    async transitioned(capability, transition) {
      if (capability.owners.length === 0) {
        return;
      }
      const verbs = {
        promotion: 'promoted to',
        demotion: 'moved back to',
        initial: 'placed in',
      } as const;
      const verb = verbs[transition.direction];
      await notifications.send({
        recipients: { type: 'entity', entityRef: capability.owners },
        payload: {
          title: `${capability.title} ${verb} ${transition.to.title}`,
          description: `${transition.by}: ${transition.rationale}${
            transition.overrideReason
              ? ` (required criteria unmet, overridden: ${transition.overrideReason})`
              : ''
          }`,
          link: capabilityLink(capability.entityRef),
          topic: 'flywheel-maturity',
          severity: transition.overrideReason ? 'high' : 'normal',
        },
      });
    },
    async criterionFailing(capability, stage, criterion) {
      if (capability.owners.length === 0) {
        return;
      }
      await notifications.send({
        recipients: { type: 'entity', entityRef: capability.owners },
        payload: {
          title: `${capability.title}: '${criterion.title}' is no longer met`,
          description: `An exit criterion of ${stage.title} that was met now fails. Open the capability to see the numbers.`,
          link: capabilityLink(capability.entityRef),
          topic: 'flywheel-maturity',
          scope: `flywheel-maturity:${capability.entityRef}:${stage.id}:${criterion.id}`,
          severity: 'high',
        },
      });
    },
  };
}
