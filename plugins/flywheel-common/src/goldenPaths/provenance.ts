import { Entity } from '@backstage/catalog-model';
import {
  CREATED_AT_ANNOTATION,
  GOLDEN_PATH_LABEL,
  SOURCE_TEMPLATE_ANNOTATION,
  TEMPLATE_REF_ANNOTATION,
  TEMPLATE_VERSION_ANNOTATION,
} from './annotations';
import { compareTemplateVersions } from './versions';

/**
 * Where an entity came from, read from its annotations.
 *
 * @public
 */
export interface EntityProvenance {
  /** Entity ref of the template, e.g. `template:default/typescript-service`. */
  templateRef: string;
  /** Template version the entity was created from, when known. */
  templateVersion?: string;
  /** When it was created (ISO 8601), when known. */
  createdAt?: string;
}

/**
 * Reads an entity's provenance. Flywheel's own annotation wins; Backstage's
 * `backstage.io/source-template` is the fallback so services scaffolded before
 * Flywheel was installed still count.
 *
 * @public
 */
export function readProvenance(entity: Entity): EntityProvenance | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const templateRef =
    annotations[TEMPLATE_REF_ANNOTATION] ??
    annotations[SOURCE_TEMPLATE_ANNOTATION];
  if (!templateRef) {
    return undefined;
  }
  return {
    templateRef: templateRef.toLocaleLowerCase('en-US'),
    templateVersion: annotations[TEMPLATE_VERSION_ANNOTATION] || undefined,
    createdAt: annotations[CREATED_AT_ANNOTATION] || undefined,
  };
}

/**
 * Whether a Template entity is marked as a golden path.
 *
 * @public
 */
export function isGoldenPathTemplate(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'template' &&
    entity.metadata.labels?.[GOLDEN_PATH_LABEL] === 'true'
  );
}

/**
 * A service has drifted when it was created from an older version of its
 * template than the template's current one. Unknown versions are not drift:
 * we only claim what we know.
 *
 * @public
 */
export function hasDrifted(
  createdFromVersion: string | undefined,
  currentVersion: string | undefined,
): boolean {
  if (!createdFromVersion || !currentVersion) {
    return false;
  }
  return compareTemplateVersions(createdFromVersion, currentVersion) < 0;
}
