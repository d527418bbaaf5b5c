import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { ScorecardExemption } from '@flywheel/plugin-flywheel-common';
import { ScorecardDefinition } from '../definitions';

/** Tells people about exemption requests and decisions. */
export interface ExemptionNotifier {
  /** A new request: the owners are asked to decide, the requester told. */
  requested(event: {
    exemption: ScorecardExemption;
    /** The entity's owners (ownedBy relations). */
    owners: string[];
    scorecard?: ScorecardDefinition;
  }): Promise<void>;
  /** Approved, rejected or revoked: the requester and the owners are told. */
  decided(event: {
    exemption: ScorecardExemption;
    owners: string[];
    scorecard?: ScorecardDefinition;
    action: 'approved' | 'rejected' | 'revoked';
    actorRef: string;
    note?: string;
  }): Promise<void>;
}

/** The entity's scorecards tab, where its exemptions are listed. */
export function exemptionLink(exemption: ScorecardExemption): string {
  const { kind, namespace, name } = parseEntityRef(exemption.entityRef);
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}/scorecards?scorecard=${encodeURIComponent(
    exemption.scorecardId,
  )}`;
}

function subject(
  exemption: ScorecardExemption,
  scorecard: ScorecardDefinition | undefined,
) {
  const check =
    scorecard?.checks.find(c => c.id === exemption.checkId)?.title ??
    exemption.checkId;
  return `'${check}' (${scorecard?.title ?? exemption.scorecardId}) for ${
    exemption.entityRef
  }`;
}

/**
 * Exemption notifications through Backstage notifications. Entity
 * recipients: the requester's user entity, and the entity's owners (a group
 * reaches its members). One scope per exemption, so each person's
 * notification about it is replaced by the latest news rather than piling
 * up.
 */
export function notificationExemptionNotifier(
  notifications: NotificationService,
): ExemptionNotifier {
  const send = async (
    entityRefs: string[],
    exclude: string[],
    payload: {
      title: string;
      description: string;
      exemption: ScorecardExemption;
      severity?: 'normal' | 'high';
    },
  ) => {
    const recipients = entityRefs.filter(
      ref =>
        !exclude.some(
          e => e.toLocaleLowerCase('en-US') === ref.toLocaleLowerCase('en-US'),
        ),
    );
    if (recipients.length === 0) {
      return;
    }
    await notifications.send({
      recipients: {
        type: 'entity',
        entityRef: recipients,
        ...(exclude.length > 0 ? { excludeEntityRef: exclude } : {}),
      },
      payload: {
        title: payload.title,
        description: payload.description,
        link: exemptionLink(payload.exemption),
        topic: 'flywheel-scorecard-exemptions',
        scope: `flywheel-exemption:${payload.exemption.id}`,
        severity: payload.severity ?? 'normal',
      },
    });
  };

  return {
    async requested({ exemption, owners, scorecard }) {
      const what = subject(exemption, scorecard);
      await send(owners, [exemption.requestedBy], {
        exemption,
        title: `Exemption requested: ${what}`,
        description: `${
          exemption.requestedBy
        } asks to exempt ${what} until ${exemption.expiresAt.slice(0, 10)}: "${
          exemption.justification
        }". An owner of the entity approves or rejects it.`,
        severity: 'high',
      });
      await send([exemption.requestedBy], [], {
        exemption,
        title: `Exemption requested: ${what}`,
        description:
          'Your request is waiting for an owner of the entity to decide; you will be told of the decision.',
      });
    },

    async decided({ exemption, owners, scorecard, action, actorRef, note }) {
      const what = subject(exemption, scorecard);
      const title = `Exemption ${action}: ${what}`;
      const description = `${actorRef} ${action} the exemption${
        note ? `: "${note}"` : '.'
      }`;
      await send([exemption.requestedBy], [actorRef], {
        exemption,
        title,
        description,
      });
      await send(owners, [exemption.requestedBy, actorRef], {
        exemption,
        title,
        description,
      });
    },
  };
}
