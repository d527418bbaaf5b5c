import { z } from 'zod';
import { CheckType } from './CheckType';

const params = z.strictObject({
  /** Relation type, e.g. ownedBy, partOf, dependsOn, providesApi, consumesApi. */
  relation: z.string().min(1),
  /** Only count relations to entities of this kind (case-insensitive). */
  targetKind: z.string().min(1).optional(),
  /** How many such relations are needed; default 1. */
  minCount: z.number().int().min(1).optional(),
});

/** Parameters of `catalog.relation`. */
export type CatalogRelationParams = z.infer<typeof params>;

/** The kind part of a `kind:namespace/name` ref, lowercased. */
function kindOfRef(ref: unknown): string | undefined {
  if (typeof ref !== 'string') {
    return undefined;
  }
  const colon = ref.indexOf(':');
  return colon > 0 ? ref.slice(0, colon).toLocaleLowerCase('en-US') : undefined;
}

function article(kind: string): string {
  return /^([aeio]|api)/i.test(kind) ? 'an' : 'a';
}

/**
 * `catalog.relation`: the entity has at least `minCount` relations of a type,
 * optionally to a given kind of entity. Relation types compare
 * case-insensitively. An entity without `relations` has none.
 */
export const catalogRelationCheck: CheckType<CatalogRelationParams> = {
  type: 'catalog.relation',
  description:
    'The entity has relations of a type (relation: partOf), optionally to a kind (targetKind: System), at least minCount (1)',
  params,
  evaluate({ relation, targetKind, minCount = 1 }, { entity }) {
    const relations = Array.isArray(entity?.relations) ? entity.relations : [];
    const type = relation.toLocaleLowerCase('en-US');
    const kind = targetKind?.toLocaleLowerCase('en-US');
    const targets: string[] = [];
    for (const r of relations) {
      if (
        !r ||
        typeof r.type !== 'string' ||
        r.type.toLocaleLowerCase('en-US') !== type
      ) {
        continue;
      }
      const legacyTarget = (r as { target?: { kind?: string } }).target;
      const targetRefKind =
        kindOfRef(r.targetRef) ??
        legacyTarget?.kind?.toLocaleLowerCase('en-US');
      if (kind && targetRefKind !== kind) {
        continue;
      }
      targets.push(typeof r.targetRef === 'string' ? r.targetRef : '?');
    }

    const to = targetKind ? ` to ${article(targetKind)} ${targetKind}` : '';
    const count = targets.length;
    if (count >= minCount) {
      return {
        state: 'pass',
        reason:
          count === 1
            ? `${relation} ${targets[0]}`
            : `${count} ${relation} relations${to}: ${targets
                .slice(0, 5)
                .join(', ')}${count > 5 ? ', …' : ''}`,
        value: count,
      };
    }
    return {
      state: 'fail',
      reason:
        count === 0
          ? `No ${relation} relation${to}`
          : `${count} ${relation} relation${
              count === 1 ? '' : 's'
            }${to}, expected at least ${minCount}`,
      value: count,
    };
  },
};
