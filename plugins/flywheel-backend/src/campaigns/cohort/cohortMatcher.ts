import {
  Entity,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
} from '@backstage/catalog-model';
import { CampaignCohort } from '@flywheel/plugin-flywheel-common';

const lower = (value: string) => value.toLocaleLowerCase('en-US');

/** The annotation a cohort's `languages` compare with, unless configured. */
export const DEFAULT_LANGUAGE_ANNOTATION = 'flywheel.dev/language';

/** What deciding membership needs besides the entity. */
export interface CohortContext {
  /** Lowercase refs of the cohort's owner groups and every group below them. */
  ownerSubtree?: ReadonlySet<string>;
  /** Whether the entity was created from a golden path. */
  fromGoldenPath(entity: Entity): boolean;
  languageAnnotation: string;
}

/** The catalog filter that narrows the read before `matchesCohort`. */
export function cohortCatalogFilter(
  cohort: CampaignCohort,
): Record<string, string[]> {
  return {
    kind: (cohort.kinds ?? ['Component']).map(lower),
    ...(cohort.types ? { 'spec.type': cohort.types } : {}),
  };
}

export function ownerOf(entity: Entity): string | undefined {
  const ref = entity.relations?.find(
    r => r.type === RELATION_OWNED_BY,
  )?.targetRef;
  return ref ? lower(ref) : undefined;
}

/** Whether the entity belongs to the cohort; every given field must match. */
export function matchesCohort(
  entity: Entity,
  cohort: CampaignCohort,
  context: CohortContext,
): boolean {
  const anyOf = (wanted: string[] | undefined, values: string[]) =>
    !wanted || values.some(v => wanted.some(w => lower(w) === lower(v)));
  const kinds = cohort.kinds ?? ['Component'];
  if (!anyOf(kinds, [entity.kind])) {
    return false;
  }
  const type = entity.spec?.type;
  if (!anyOf(cohort.types, typeof type === 'string' ? [type] : [])) {
    return false;
  }
  if (cohort.systems) {
    const systems = (entity.relations ?? [])
      .filter(
        r =>
          r.type === RELATION_PART_OF &&
          lower(r.targetRef).startsWith('system:'),
      )
      .map(r => r.targetRef);
    if (!anyOf(cohort.systems, systems)) {
      return false;
    }
  }
  if (!anyOf(cohort.tags, entity.metadata.tags ?? [])) {
    return false;
  }
  const language = entity.metadata.annotations?.[context.languageAnnotation];
  if (!anyOf(cohort.languages, language ? [language] : [])) {
    return false;
  }
  if (context.ownerSubtree) {
    const owner = ownerOf(entity);
    if (!owner || !context.ownerSubtree.has(owner)) {
      return false;
    }
  }
  if (cohort.notFromGoldenPath && context.fromGoldenPath(entity)) {
    return false;
  }
  return true;
}
