import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { normalizeRef } from '../../catalog/entityRefs';

/** Names the stage model a capability uses, when not the default. */
export const MATURITY_MODEL_ANNOTATION = 'flywheel.dev/maturity-model';
/** The capability's golden paths (template refs, comma separated). */
export const GOLDEN_PATHS_ANNOTATION = 'flywheel.dev/golden-paths';
/** Its pioneering or adopting teams (group refs, comma separated). */
export const TEAMS_ANNOTATION = 'flywheel.dev/teams';

/** A platform capability: a catalog entity the capability filter selects. */
export interface Capability {
  /** Normalised (lowercase) entity ref. */
  entityRef: string;
  title: string;
  description?: string;
  owners: string[];
  modelId?: string;
  goldenPaths: string[];
  teams: string[];
}

export function toCapability(entity: Entity): Capability {
  const annotations = entity.metadata.annotations ?? {};
  const refs = (value: string | undefined, kind: string) =>
    (value ?? '')
      .split(',')
      .map(s => s.trim())
      .filter(Boolean)
      .map(s => normalizeRef(s.includes(':') ? s : `${kind}:${s}`))
      .map(s => (s.includes('/') ? s : s.replace(':', ':default/')));
  return {
    entityRef: normalizeRef(stringifyEntityRef(entity)),
    title: entity.metadata.title ?? entity.metadata.name,
    ...(entity.metadata.description
      ? { description: entity.metadata.description }
      : {}),
    owners: (entity.relations ?? [])
      .filter(r => r.type === RELATION_OWNED_BY)
      .map(r => normalizeRef(r.targetRef)),
    ...(annotations[MATURITY_MODEL_ANNOTATION]
      ? { modelId: annotations[MATURITY_MODEL_ANNOTATION] }
      : {}),
    goldenPaths: refs(annotations[GOLDEN_PATHS_ANNOTATION], 'template'),
    teams: refs(annotations[TEAMS_ANNOTATION], 'group'),
  };
}
