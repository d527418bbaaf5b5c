import { ScorecardDefinition } from '../definitions';
import { DEFAULT_LEVELS } from './readScorecardsConfig';

/** The catalog's descriptor format, where the catalog checks' fields are described. */
const DESCRIPTOR_FORMAT =
  'https://backstage.io/docs/features/software-catalog/descriptor-format';

/** Id of the built-in scorecard; a configured scorecard with this id replaces it. */
export const DEFAULT_SCORECARD_ID = 'golden-path-adoption';

/**
 * The built-in "Golden path adoption" scorecard. It works without any
 * configuration: its checks read only the catalog and golden-path provenance.
 *
 * - Bronze, the basics a paved road expects: a team owns it, it belongs to a
 *   system, it says what it is.
 * - Silver: created from a golden path (or backfilled with
 *   `backstage.io/source-template`).
 * - Gold: on the golden path's current template version. TechDocs, which
 *   the golden paths ship since 1.1.0, is a warning: it lowers the score but
 *   does not block the level.
 *
 * It applies to Components of type service or website, the types the golden
 * paths create, except deprecated ones, which are on their way out.
 *
 * Every check links somewhere that exists in any app with the scaffolder and
 * Flywheel: the scaffolder (`/create`), Flywheel's Golden Paths tab, or the
 * Backstage documentation of the catalog-info.yaml field to set.
 */
export function defaultScorecard(): ScorecardDefinition {
  return {
    id: DEFAULT_SCORECARD_ID,
    title: 'Golden path adoption',
    description:
      'How far services and websites are on the paved road: owned and placed in a system (Bronze), created from a golden path (Silver), and kept on its current version (Gold).',
    filter: {
      $all: [
        { kind: 'Component' },
        { 'spec.type': { $in: ['service', 'website'] } },
        { $not: { 'spec.lifecycle': 'deprecated' } },
      ],
    },
    levels: DEFAULT_LEVELS.map(l => ({ ...l })),
    source: 'default',
    checks: [
      {
        id: 'has-owner',
        title: 'Owned by a team',
        description:
          'A team (a Group entity) owns the component, so someone gets the alerts, the questions and the upgrades.',
        type: 'catalog.relation',
        level: 'bronze',
        category: 'Ownership',
        weight: 1,
        severity: 'error',
        howToFix:
          'Set `spec.owner` in catalog-info.yaml to the owning team, e.g. `owner: group:default/checkout` (a team, not a person).',
        howToFixUrl: `${DESCRIPTOR_FORMAT}#specowner-required`,
        params: { relation: 'ownedBy', targetKind: 'Group', minCount: 1 },
      },
      {
        id: 'in-system',
        title: 'Part of a system',
        description:
          'The component belongs to a System, so it shows up with the product it serves and its neighbours.',
        type: 'catalog.relation',
        level: 'bronze',
        category: 'Ownership',
        weight: 1,
        severity: 'error',
        howToFix:
          'Add `spec.system` to catalog-info.yaml, e.g. `system: checkout`. The System entity must exist in the catalog.',
        howToFixUrl: `${DESCRIPTOR_FORMAT}#specsystem-optional`,
        params: { relation: 'partOf', targetKind: 'System', minCount: 1 },
      },
      {
        id: 'has-description',
        title: 'Has a description',
        description:
          'A one-line description in the catalog says what the component does.',
        type: 'catalog.field',
        level: 'bronze',
        category: 'Documentation',
        weight: 1,
        severity: 'error',
        howToFix:
          'Add `metadata.description` to catalog-info.yaml: one sentence on what it does and for whom.',
        howToFixUrl: `${DESCRIPTOR_FORMAT}#description-optional`,
        params: { path: 'metadata.description' },
      },
      {
        id: 'from-golden-path',
        title: 'Created from a golden path',
        description:
          'The component was scaffolded from a golden-path template, so it starts with CI, a Dockerfile, health checks and docs that the platform supports.',
        type: 'goldenPath.created',
        level: 'silver',
        category: 'Golden path',
        weight: 2,
        severity: 'error',
        howToFix:
          'Start new services from a golden path under Create (/create). For an existing one, adopt the golden-path skeleton and add `backstage.io/source-template: template:default/<template>` and `flywheel.dev/template-version` to its annotations (see docs/golden-paths.md, "Backfill").',
        howToFixUrl: '/create',
        params: {},
      },
      {
        id: 'current-template-version',
        title: 'On the current golden-path version',
        description:
          "The component was created from, or upgraded to, its golden path's current template version.",
        type: 'goldenPath.currentVersion',
        level: 'gold',
        category: 'Golden path',
        weight: 1,
        severity: 'error',
        howToFix:
          "Apply the changes in the template's changelog (Flywheel → Golden paths shows it next to drifted services), then set `flywheel.dev/template-version` in catalog-info.yaml to the current version.",
        howToFixUrl: '/flywheel/golden-paths',
        params: {},
      },
      {
        id: 'has-techdocs',
        title: 'Has TechDocs',
        description:
          'The component publishes its documentation with TechDocs (the golden paths ship `docs/` and `mkdocs.yml` since 1.1.0).',
        type: 'catalog.annotation',
        level: 'gold',
        category: 'Documentation',
        weight: 1,
        severity: 'warn',
        howToFix:
          'Add `docs/index.md` and `mkdocs.yml` to the repository and the annotation `backstage.io/techdocs-ref: dir:.` to catalog-info.yaml.',
        howToFixUrl:
          'https://backstage.io/docs/features/techdocs/creating-and-publishing',
        params: { annotation: 'backstage.io/techdocs-ref' },
      },
    ],
  };
}
