import {
  BackstageCredentials,
  LoggerService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  flywheelExemptionDecidePermission,
  flywheelExemptionRequestPermission,
  flywheelScorecardsReadPermission,
  ScorecardExemption,
} from '@flywheel/plugin-flywheel-common';
import { DateTime } from 'luxon';
import { CatalogReader } from '../../catalog/CatalogReader';
import { parseFullRef, parseRefOfKind } from '../../catalog/entityRefs';
import { authorizeOrThrow } from '../../permissions/authorize';
import { EntityVisibility } from '../../catalog/EntityVisibility';
import { ScorecardsById } from '../definitions';
import { ScorecardEngine } from '../engine/ScorecardEngine';
import type { ExemptionStatus, ScorecardStore } from '../store/ScorecardStore';
import { ExemptionNotifier } from './notifications';
import { ExemptionResource, judgeExemption } from './permissions';

const MAX_EXEMPTION_DAYS = 366;

type Judge = (resource: ExemptionResource) => {
  allowed: boolean;
  reason?: string;
};

/**
 * Exemption requests and decisions. Reads show only exemptions of entities
 * the caller may see in the catalog, each with whether the caller may
 * decide it. Deciding (approve, reject, revoke) needs
 * `flywheel.scorecards.exemption.decide` for that exemption: when the policy
 * simply allows it, only the entity's owners (members of the owning group
 * or of a team above it) may, never the requester; a conditional decision
 * of the policy replaces that default. The requester and the owners are
 * notified of requests and decisions.
 */
export class ExemptionService {
  private readonly scorecards: ScorecardsById;

  constructor(
    private readonly deps: {
      engine: ScorecardEngine;
      store: ScorecardStore;
      catalog: CatalogReader;
      visibility: EntityVisibility;
      permissions: PermissionsService;
      userInfo: UserInfoService;
      notifier?: ExemptionNotifier;
      logger?: LoggerService;
      now?: () => Date;
    },
  ) {
    this.scorecards = new ScorecardsById(deps.engine.scorecards);
  }

  async listExemptions(
    options: {
      entityRef?: string;
      scorecardId?: string;
      groupRef?: string;
      status?: ExemptionStatus;
    },
    credentials: BackstageCredentials,
  ): Promise<{ items: ScorecardExemption[] }> {
    await authorizeOrThrow(
      this.deps.permissions,
      flywheelScorecardsReadPermission,
      credentials,
    );
    const groupRef =
      options.groupRef !== undefined
        ? parseRefOfKind(options.groupRef, 'group', 'groupRef')
        : undefined;
    const entityRef =
      options.entityRef !== undefined
        ? parseFullRef(options.entityRef, 'entityRef')
        : undefined;
    const visible = await this.deps.visibility.visibleTo(credentials);
    if (groupRef !== undefined && !visible.has(groupRef)) {
      return { items: [] };
    }
    const items = (
      await this.deps.store.listExemptions({
        entityRef,
        scorecardId: options.scorecardId,
        groupRef,
        status: options.status,
        now: this.now(),
      })
    ).filter(e => visible.has(e.entityRef));
    const resources = await this.resources(items, credentials);
    const judge = await this.judge(credentials);
    return {
      items: items.map((exemption, i) => {
        const resource = resources[i];
        if (!resource) {
          // Left the catalog, or hidden since: nobody decides it here.
          return {
            ...exemption,
            canDecide: false,
            cannotDecideReason: `${exemption.entityRef} is not in the catalog`,
          };
        }
        return withJudgement(exemption, judge(resource));
      }),
    };
  }

  async requestExemption(
    input: {
      entityRef: string;
      scorecardId: string;
      checkId: string;
      justification: string;
      expiresAt: string;
    },
    credentials: BackstageCredentials<{ type: 'user'; userEntityRef: string }>,
  ): Promise<ScorecardExemption> {
    await authorizeOrThrow(
      this.deps.permissions,
      flywheelExemptionRequestPermission,
      credentials,
    );
    const requestedBy = credentials.principal.userEntityRef;
    const entityRef = parseFullRef(input.entityRef, 'entityRef');
    const scorecard = this.scorecards.require(input.scorecardId);
    if (!scorecard.checks.some(c => c.id === input.checkId)) {
      throw new InputError(
        `Scorecard '${scorecard.id}' has no check '${
          input.checkId
        }' (checks: ${scorecard.checks.map(c => c.id).join(', ')})`,
      );
    }
    const now = DateTime.fromJSDate(this.now(), { zone: 'utc' });
    const expiresAt = DateTime.fromISO(input.expiresAt, { zone: 'utc' });
    if (!expiresAt.isValid || expiresAt <= now) {
      throw new InputError(
        `expiresAt must be a date-time in the future, got '${input.expiresAt}'`,
      );
    }
    if (expiresAt > now.plus({ days: MAX_EXEMPTION_DAYS })) {
      throw new InputError(
        `expiresAt must be within ${MAX_EXEMPTION_DAYS} days; exemptions are meant to be revisited`,
      );
    }
    if (input.justification.trim().length < 10) {
      throw new InputError(
        'justification must explain why, in at least 10 characters',
      );
    }
    const owners = await this.ownersOf(entityRef, credentials);
    if (!owners) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    const exemption = await this.deps.store.createExemption(
      {
        entityRef,
        scorecardId: scorecard.id,
        checkId: input.checkId,
        justification: input.justification.trim(),
        requestedBy,
        expiresAt: expiresAt.toJSDate(),
      },
      this.now(),
    );
    await this.notify(() =>
      this.deps.notifier?.requested({ exemption, owners, scorecard }),
    );
    const resource = await this.resourceOf(exemption, owners);
    return withJudgement(exemption, (await this.judge(credentials))(resource));
  }

  /**
   * Approves or rejects a pending exemption. A rejection must say why, so
   * the requester knows what to do instead: a missing or blank note is an
   * InputError (400) and nothing is stored. 403 when the caller may not
   * decide it; 404 when it does not exist or its entity is hidden from them.
   */
  async decideExemption(
    id: string,
    input: { decision: 'approved' | 'rejected'; note?: string },
    credentials: BackstageCredentials<{ type: 'user'; userEntityRef: string }>,
  ): Promise<ScorecardExemption> {
    const note = input.note?.trim() || undefined;
    if (input.decision === 'rejected' && !note) {
      throw new InputError(
        'A rejection needs a note saying why, so the requester knows what to do instead; note is missing or blank',
      );
    }
    const { owners, scorecard } = await this.authorizeDecision(id, credentials);
    const exemption = await this.deps.store.decideExemption(
      id,
      {
        decision: input.decision,
        decidedBy: credentials.principal.userEntityRef,
        note,
      },
      this.now(),
    );
    await this.deps.engine.evaluateEntities([exemption.entityRef]);
    await this.notify(() =>
      this.deps.notifier?.decided({
        exemption,
        owners,
        scorecard,
        action: input.decision,
        actorRef: credentials.principal.userEntityRef,
        note,
      }),
    );
    // Allowed to decide it a moment ago: allowed to revoke it next.
    return { ...exemption, canDecide: true };
  }

  async revokeExemption(
    id: string,
    input: { note?: string },
    credentials: BackstageCredentials<{ type: 'user'; userEntityRef: string }>,
  ): Promise<ScorecardExemption> {
    const { owners, scorecard } = await this.authorizeDecision(id, credentials);
    const note = input.note?.trim() || undefined;
    const exemption = await this.deps.store.revokeExemption(
      id,
      { revokedBy: credentials.principal.userEntityRef, note },
      this.now(),
    );
    await this.deps.engine.evaluateEntities([exemption.entityRef]);
    await this.notify(() =>
      this.deps.notifier?.decided({
        exemption,
        owners,
        scorecard,
        action: 'revoked',
        actorRef: credentials.principal.userEntityRef,
        note,
      }),
    );
    // Allowed to decide it a moment ago: allowed to revoke it next.
    return { ...exemption, canDecide: true };
  }

  /**
   * Loads exemptions as permission resources for the permission backend
   * (conditional decisions asked with a resource ref), reading the catalog
   * with the given (the plugin's own) credentials.
   */
  async getResources(
    ids: string[],
    credentials: BackstageCredentials,
  ): Promise<(ExemptionResource | undefined)[]> {
    const exemptions = await Promise.all(
      ids.map(id => this.deps.store.getExemption(id, this.now())),
    );
    const found = exemptions.filter((e): e is ScorecardExemption => !!e);
    const resources = await this.resources(found, credentials);
    const byId = new Map(found.map((e, i) => [e.id, resources[i]]));
    return ids.map(id => byId.get(id));
  }

  private async authorizeDecision(
    id: string,
    credentials: BackstageCredentials<{ type: 'user'; userEntityRef: string }>,
  ) {
    const exemption = await this.deps.store.getExemption(id, this.now());
    const owners =
      exemption && (await this.ownersOf(exemption.entityRef, credentials));
    if (!exemption || !owners) {
      throw new NotFoundError(`No exemption ${id}`);
    }
    const resource = await this.resourceOf(exemption, owners);
    const { allowed, reason } = (await this.judge(credentials))(resource);
    if (!allowed) {
      throw new NotAllowedError(reason);
    }
    return {
      exemption,
      owners,
      scorecard: this.scorecards.get(exemption.scorecardId),
    };
  }

  /**
   * How the caller's permission applies to exemptions: one policy question
   * per call, then per exemption the policy's conditions, or Flywheel's
   * default when the policy simply allows.
   */
  private async judge(credentials: BackstageCredentials): Promise<Judge> {
    const [decision] = await this.deps.permissions.authorizeConditional(
      [{ permission: flywheelExemptionDecidePermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.DENY) {
      return () => ({
        allowed: false,
        reason: `You do not have permission to decide on exemptions (${flywheelExemptionDecidePermission.name})`,
      });
    }
    const user = await this.userOf(credentials, decision.result);
    if (!user) {
      return () => ({
        allowed: false,
        reason: 'Only people decide on exemptions',
      });
    }
    return resource => {
      if (judgeExemption(decision, user, resource)) {
        return { allowed: true };
      }
      const requester =
        resource.exemption.requestedBy.toLocaleLowerCase('en-US') ===
        user.userEntityRef.toLocaleLowerCase('en-US');
      // A policy's conditions do not say which one failed; being the
      // requester is the reason people can act on, so it is named first.
      if (decision.result === AuthorizeResult.CONDITIONAL) {
        return {
          allowed: false,
          reason: requester
            ? 'You requested this exemption; someone else decides on it'
            : 'Your permission policy does not let you decide on this exemption',
        };
      }
      return {
        allowed: false,
        reason: requester
          ? 'You requested this exemption; one of the owners of the entity decides on it'
          : `Only the owners of ${resource.exemption.entityRef} (members of its owning team or of a team above it) decide on its exemptions`,
      };
    };
  }

  private async userOf(
    credentials: BackstageCredentials,
    result: AuthorizeResult,
  ) {
    const principal = credentials.principal as {
      type: string;
      userEntityRef?: string;
    };
    if (principal.type !== 'user' || !principal.userEntityRef) {
      return undefined;
    }
    if (result !== AuthorizeResult.ALLOW) {
      // Conditions carry their own claims; the default needs the user's.
      return {
        userEntityRef: principal.userEntityRef,
        ownershipEntityRefs: [],
      };
    }
    const info = await this.deps.userInfo.getUserInfo(credentials);
    return {
      userEntityRef: info.userEntityRef,
      ownershipEntityRefs: info.ownershipEntityRefs,
    };
  }

  /** The entity's owners, or undefined when the caller may not see it. */
  private async ownersOf(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<string[] | undefined> {
    const entity = await this.deps.catalog.getEntity(entityRef, credentials);
    return entity
      ? (entity.relations ?? [])
          .filter(r => r.type === RELATION_OWNED_BY)
          .map(r => r.targetRef)
      : undefined;
  }

  /** Resources for exemptions, undefined where the entity is not visible. */
  private async resources(
    exemptions: ScorecardExemption[],
    credentials: BackstageCredentials,
  ): Promise<(ExemptionResource | undefined)[]> {
    const refs = [...new Set(exemptions.map(e => e.entityRef))];
    const owners = new Map<string, string[]>();
    for (let i = 0; i < refs.length; i += 500) {
      for (const entity of await this.deps.catalog.getEntities(
        refs.slice(i, i + 500),
        credentials,
      )) {
        owners.set(
          stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
          (entity.relations ?? [])
            .filter(r => r.type === RELATION_OWNED_BY)
            .map(r => r.targetRef),
        );
      }
    }
    const chains = await this.deps.store.groupsAndAncestors([
      ...new Set([...owners.values()].flat()),
    ]);
    return exemptions.map(exemption => {
      const entityOwners = owners.get(
        exemption.entityRef.toLocaleLowerCase('en-US'),
      );
      return entityOwners
        ? { exemption, ownerRefs: ownerChain(entityOwners, chains) }
        : undefined;
    });
  }

  private async resourceOf(
    exemption: ScorecardExemption,
    owners: string[],
  ): Promise<ExemptionResource> {
    const chains = await this.deps.store.groupsAndAncestors(owners);
    return { exemption, ownerRefs: ownerChain(owners, chains) };
  }

  /** Notifications never undo or fail a write that is done. */
  private async notify(send: () => Promise<void> | undefined) {
    try {
      await send();
    } catch (error) {
      this.deps.logger?.warn(
        `Exemption notification not sent: ${(error as Error).message}`,
      );
    }
  }

  private now() {
    return this.deps.now?.() ?? new Date();
  }
}

function withJudgement(
  exemption: ScorecardExemption,
  judgement: { allowed: boolean; reason?: string },
): ScorecardExemption {
  return judgement.allowed
    ? { ...exemption, canDecide: true }
    : {
        ...exemption,
        canDecide: false,
        cannotDecideReason: judgement.reason,
      };
}

/** Owners (lowercased) with every group above the owning groups. */
function ownerChain(owners: string[], chains: Map<string, string[]>) {
  const refs = new Set<string>();
  for (const owner of owners) {
    const ref = owner.toLocaleLowerCase('en-US');
    refs.add(ref);
    for (const above of chains.get(ref) ?? []) {
      refs.add(above);
    }
  }
  return [...refs].sort();
}
