import {
  BackstageCredentials,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { normalizeRef } from '../../catalog/entityRefs';
import type { OrgGraph } from '../../catalog/OrgGraph';
import { userRefOf } from '../../permissions/principals';
import type { Capability } from '../capabilities/Capability';

const GROUP_TREE_TTL_MS = 30_000;

export interface AccessDecision {
  allowed: boolean;
  /** Why not, as the person can act on it. */
  reason?: string;
}

/**
 * Who may move a capability or attest its criteria. The policy decides:
 * DENY refuses; a conditional decision is resolved on the capability's
 * catalog entity by the catalog (rules such as IS_ENTITY_OWNER); a plain
 * ALLOW means Flywheel's default — the capability's owners, that is
 * members of the owning team or of a team above it.
 */
export class CapabilityAccess {
  private tree?: { at: number; graph: Promise<OrgGraph> };

  constructor(
    private readonly deps: {
      permissions: PermissionsService;
      userInfo: Pick<UserInfoService, 'getUserInfo'>;
      groupTree: () => Promise<OrgGraph>;
      now?: () => number;
    },
  ) {}

  async decide(
    permission: ResourcePermission<'catalog-entity'>,
    capability: Capability,
    credentials: BackstageCredentials,
    action: string,
  ): Promise<AccessDecision> {
    if (!userRefOf(credentials)) {
      return { allowed: false, reason: `Only people ${action}` };
    }
    const [decision] = await this.deps.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.DENY) {
      return {
        allowed: false,
        reason: `You do not have permission to ${action} (${permission.name})`,
      };
    }
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      const [resolved] = await this.deps.permissions.authorize(
        [{ permission, resourceRef: capability.entityRef }],
        { credentials },
      );
      return resolved.result === AuthorizeResult.ALLOW
        ? { allowed: true }
        : {
            allowed: false,
            reason: `Your permission policy does not let you ${action} for ${capability.entityRef}`,
          };
    }
    const info = await this.deps.userInfo.getUserInfo(credentials);
    const claims = new Set(info.ownershipEntityRefs.map(normalizeRef));
    const graph = await this.groupTree();
    const owners = capability.owners.flatMap(owner =>
      graph.ancestry(owner).map(normalizeRef),
    );
    if (
      capability.owners.some(o => claims.has(o)) ||
      owners.some(o => claims.has(o))
    ) {
      return { allowed: true };
    }
    return {
      allowed: false,
      reason: `Only the owners of ${capability.entityRef} (${
        capability.owners.join(', ') || 'none recorded'
      }, or a team above them) ${action}`,
    };
  }

  private groupTree(): Promise<OrgGraph> {
    const now = this.deps.now?.() ?? Date.now();
    if (!this.tree || now - this.tree.at > GROUP_TREE_TTL_MS) {
      const graph = this.deps.groupTree();
      this.tree = { at: now, graph };
      graph.catch(() => {
        this.tree = undefined;
      });
    }
    return this.tree.graph;
  }
}
