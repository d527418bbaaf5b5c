import { npsCategory, NpsSummary } from '@flywheel/plugin-flywheel-common';
import { Text } from '@backstage/ui';
import { formatPercent } from '../../shared/format';
import { DistributionChart } from '../DistributionChart';
import { EstimateValue } from '../EstimateValue';
import { CATEGORY_COLORS } from '../surveyColors';
import styles from './NpsResult.module.css';

const CATEGORY_TITLES = {
  promoter: 'Promoter',
  passive: 'Passive',
  detractor: 'Detractor',
};

/**
 * An NPS question's result: the NPS with its 95% interval, the share of
 * promoters, passives and detractors, and the answers per score.
 */
export function NpsResult(props: { nps: NpsSummary }) {
  const { nps } = props;
  const total = nps.promoters + nps.passives + nps.detractors;
  const segments = [
    { id: 'promoter', title: 'Promoters (9–10)', count: nps.promoters },
    { id: 'passive', title: 'Passives (7–8)', count: nps.passives },
    { id: 'detractor', title: 'Detractors (0–6)', count: nps.detractors },
  ] as const;
  const share = (count: number) =>
    total > 0 ? formatPercent((count / total) * 100) : '—';
  const split = segments
    .map(s => `${s.title} ${s.count} (${share(s.count)})`)
    .join(', ');

  return (
    <div className={styles.root}>
      <div className={styles.headline}>
        <EstimateValue
          estimate={nps.nps}
          kind="nps"
          label="NPS"
          census={nps.census}
        />
        {nps.census && (
          <Text as="p" variant="body-x-small" color="secondary">
            Everyone in the audience answered: this NPS is exact, not an
            estimate from a sample.
          </Text>
        )}
        {nps.finitePopulationCorrected && !nps.census && (
          <Text as="p" variant="body-x-small" color="secondary">
            The interval is narrowed by the finite-population correction: a
            large share of the audience answered.
          </Text>
        )}
      </div>
      <div className={styles.split}>
        <div
          className={styles.bar}
          role="img"
          aria-label={`Promoters, passives and detractors: ${split}`}
        >
          {total > 0 &&
            segments
              .filter(s => s.count > 0)
              .map(s => (
                <span
                  key={s.id}
                  className={styles.segment}
                  style={{
                    width: `${(s.count / total) * 100}%`,
                    background: CATEGORY_COLORS[s.id],
                  }}
                  title={`${s.title}: ${s.count}`}
                />
              ))}
        </div>
        <ul className={styles.legend} aria-label="Answers per category">
          {segments.map(s => (
            <li key={s.id} className={styles.legendItem}>
              <span
                className={styles.swatch}
                style={{ background: CATEGORY_COLORS[s.id] }}
                aria-hidden="true"
              />
              <Text variant="body-small">
                {s.title}: {s.count} ({share(s.count)})
              </Text>
            </li>
          ))}
        </ul>
      </div>
      <div className={styles.distribution}>
        <Text variant="body-small" weight="bold">
          Answers per score
        </Text>
        <DistributionChart
          label="Answers per score, 0 to 10"
          bars={nps.distribution.map((count, score) => {
            const category = npsCategory(score);
            return {
              label: String(score),
              count,
              color: CATEGORY_COLORS[category],
              category: CATEGORY_TITLES[category],
            };
          })}
        />
      </div>
    </div>
  );
}
