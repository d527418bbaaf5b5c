import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { CatalogReader } from './CatalogReader';

/**
 * The catalog's own read permission (`catalogEntityReadPermission` of
 * `@backstage/plugin-catalog-common/alpha`; permissions compare by name):
 * the question the catalog asks before every read.
 */
const catalogEntityReadPermission = createPermission({
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/** Only what is needed to name an entity: the catalog sends nothing else. */
const REF_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];
const PAGE_SIZE = 1000;

/** The entities one caller may see, as the catalog answered for them. */
export interface VisibleEntities {
  /** The catalog's policy lets the caller read every entity. */
  readonly all: boolean;
  /** Whether the caller may see the entity (refs compare case-insensitively). */
  has(entityRef: string): boolean;
}

const EVERYTHING: VisibleEntities = { all: true, has: () => true };

class RefSet implements VisibleEntities {
  readonly all = false;

  constructor(private readonly refs: Set<string>) {}

  has(entityRef: string): boolean {
    return this.refs.has(entityRef.toLocaleLowerCase('en-US'));
  }
}

/**
 * Which entities a caller may see. First the permission framework is asked
 * what the catalog asks before every read, `catalog.entity.read` for the
 * caller: ALLOW means every entity (the usual case, no catalog read at
 * all), DENY none. Only a CONDITIONAL decision (a policy that hides some
 * entities from some people) makes Flywheel read the catalog with the
 * caller's credentials, so the catalog applies the conditions: only refs,
 * a page at a time, for the kinds scorecards score plus groups (team
 * names). Answers are kept per principal for `ttlMs` (default 30 s) in a
 * bounded map, and concurrent requests of one principal share one read.
 */
export class EntityVisibility {
  private readonly cache = new Map<
    string,
    { at: number; refs: Promise<VisibleEntities> }
  >();
  private readonly ttlMs: number;
  private readonly maxPrincipals: number;

  constructor(
    private readonly deps: {
      catalog: CatalogReader;
      permissions: PermissionsService;
      /** Lowercase kinds scorecards score; undefined reads every kind. */
      kinds: string[] | undefined;
      ttlMs?: number;
      maxPrincipals?: number;
      now?: () => number;
    },
  ) {
    this.ttlMs = deps.ttlMs ?? 30_000;
    this.maxPrincipals = deps.maxPrincipals ?? 200;
  }

  async visibleTo(credentials: BackstageCredentials): Promise<VisibleEntities> {
    const key = principalKey(credentials);
    const now = this.now();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < this.ttlMs) {
      return hit.refs;
    }
    const refs = this.read(credentials);
    this.cache.delete(key);
    this.cache.set(key, { at: now, refs });
    // A failed read is not kept: the next request asks again.
    refs.catch(() => {
      if (this.cache.get(key)?.refs === refs) {
        this.cache.delete(key);
      }
    });
    while (this.cache.size > this.maxPrincipals) {
      this.cache.delete(this.cache.keys().next().value!);
    }
    return refs;
  }

  private async read(
    credentials: BackstageCredentials,
  ): Promise<VisibleEntities> {
    const [decision] = await this.deps.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) {
      return EVERYTHING;
    }
    if (decision.result === AuthorizeResult.DENY) {
      return new RefSet(new Set());
    }
    const refs = new Set<string>();
    const filter = this.deps.kinds
      ? { kind: [...new Set([...this.deps.kinds, 'group'])] }
      : undefined;
    for await (const page of this.deps.catalog.streamEntities(
      filter,
      credentials,
      PAGE_SIZE,
      REF_FIELDS,
    )) {
      for (const entity of page) {
        refs.add(stringifyEntityRef(entity).toLocaleLowerCase('en-US'));
      }
    }
    return new RefSet(refs);
  }

  private now() {
    return this.deps.now?.() ?? Date.now();
  }
}

function principalKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user') {
    return `user:${principal.userEntityRef}`;
  }
  if (principal.type === 'service') {
    return `service:${principal.subject}`;
  }
  return principal.type;
}
