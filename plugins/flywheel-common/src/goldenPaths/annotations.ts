/**
 * Label on a Template entity that marks it as a golden path (value `'true'`).
 * A label rather than an annotation so the catalog can filter on it.
 *
 * @public
 */
export const GOLDEN_PATH_LABEL = 'flywheel.dev/golden-path';

/**
 * Semver of a template. On a Template: its current version. On a Component:
 * the version of the template it was created from.
 *
 * @public
 */
export const TEMPLATE_VERSION_ANNOTATION = 'flywheel.dev/template-version';

/**
 * Optional short changelog (markdown) on a golden-path Template.
 *
 * @public
 */
export const TEMPLATE_CHANGELOG_ANNOTATION = 'flywheel.dev/changelog';

/**
 * Provenance on a Component: the entity ref of the golden-path template it was
 * created from, stamped by the `flywheel:provenance:stamp` action.
 *
 * @public
 */
export const TEMPLATE_REF_ANNOTATION = 'flywheel.dev/template-ref';

/**
 * Provenance on a Component: when it was scaffolded (ISO 8601, UTC).
 *
 * @public
 */
export const CREATED_AT_ANNOTATION = 'flywheel.dev/created-at';

/**
 * Provenance on a Component: the scaffolder task that created it.
 *
 * @public
 */
export const SCAFFOLDER_TASK_ANNOTATION = 'flywheel.dev/scaffolder-task-id';

/**
 * Backstage's own provenance annotation, written by `catalog:write` and by
 * Flywheel's stamp action. Used to backfill services created before Flywheel
 * was installed.
 *
 * @public
 */
export const SOURCE_TEMPLATE_ANNOTATION = 'backstage.io/source-template';
