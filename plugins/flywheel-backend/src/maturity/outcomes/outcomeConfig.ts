import { Config } from '@backstage/config';
import { OutcomeFamily } from '@flywheel/plugin-flywheel-common';

/** One outcome of the product dashboard, as configured. */
export interface OutcomeConfig {
  family: OutcomeFamily;
  /** A metric id of the registry; `*` matches one segment (`surveys.*.nps`). */
  metric: string;
  title?: string;
  target?: number;
  /** Shown while no metric matches: how to get one. */
  hint?: string;
}

/** The three families with the metrics a platform PM reports on. */
export const DEFAULT_OUTCOMES: OutcomeConfig[] = [
  {
    family: 'satisfaction',
    metric: 'surveys.*.nps',
    title: 'NPS',
    hint: 'Run a survey with an NPS question (Flywheel → Surveys, template "Platform NPS")',
  },
  {
    family: 'satisfaction',
    metric: 'surveys.*.csat',
    title: 'CSAT',
    hint: 'Run a survey with a CSAT question (Flywheel → Surveys, template "Golden path CSAT")',
  },
  { family: 'usage', metric: 'goldenPaths.adoption' },
  { family: 'usage', metric: 'usage.activeUsers' },
  { family: 'valueStream', metric: 'goldenPaths.creationTime.median' },
  { family: 'valueStream', metric: 'valueStream.timeToFirstDeploy.median' },
  { family: 'valueStream', metric: 'valueStream.leadTime.median' },
];

const FAMILIES = ['satisfaction', 'usage', 'valueStream'];

/**
 * `flywheel.maturity.outcomes` replaces the default list when given;
 * `flywheel.maturity.targets` (metric and value) sets targets either way.
 */
export function readOutcomes(config: Config): OutcomeConfig[] {
  const configured = config.getOptionalConfigArray(
    'flywheel.maturity.outcomes',
  );
  const outcomes: OutcomeConfig[] = configured
    ? configured.map((c, i) => {
        const family = c.getString('family');
        if (!FAMILIES.includes(family)) {
          throw new Error(
            `flywheel.maturity.outcomes[${i}].family must be one of ${FAMILIES.join(
              ', ',
            )}, got '${family}'`,
          );
        }
        return {
          family: family as OutcomeFamily,
          metric: c.getString('metric'),
          ...(c.getOptionalString('title')
            ? { title: c.getString('title') }
            : {}),
          ...(c.getOptionalNumber('target') !== undefined
            ? { target: c.getNumber('target') }
            : {}),
        };
      })
    : DEFAULT_OUTCOMES.map(o => ({ ...o }));
  const targets =
    config.getOptionalConfigArray('flywheel.maturity.targets') ?? [];
  targets.forEach((t, i) => {
    const key = t.getString('metric');
    const outcome = outcomes.find(o => o.metric === key);
    if (!outcome) {
      throw new Error(
        `flywheel.maturity.targets[${i}].metric: no outcome '${key}' on the dashboard; outcomes: ${outcomes
          .map(o => o.metric)
          .join(', ')}`,
      );
    }
    outcome.target = t.getNumber('value');
  });
  return outcomes;
}
