import { CsatSummary } from '@flywheel/plugin-flywheel-common';
import { Text } from '@backstage/ui';
import { DistributionChart } from '../DistributionChart';
import { EstimateValue } from '../EstimateValue';
import { CATEGORY_COLORS } from '../surveyColors';
import styles from './CsatResult.module.css';

/**
 * A CSAT question's result: the share of satisfied answers (4 or 5) with its
 * Wilson 95% interval, and the answers per score.
 */
export function CsatResult(props: { csat: CsatSummary }) {
  const { csat } = props;
  return (
    <div className={styles.root}>
      <div className={styles.headline}>
        <EstimateValue estimate={csat.csat} kind="csat" label="CSAT" />
        <Text as="p" variant="body-x-small" color="secondary">
          {csat.satisfied} of {csat.responses} answered 4 or 5.
        </Text>
      </div>
      <div className={styles.distribution}>
        <Text variant="body-small" weight="bold">
          Answers per score
        </Text>
        <DistributionChart
          label="Answers per score, 1 to 5"
          bars={csat.distribution.map((count, i) => {
            const score = i + 1;
            let color: string = CATEGORY_COLORS.unsatisfied;
            let category = 'Not satisfied';
            if (score >= 4) {
              color = CATEGORY_COLORS.satisfied;
              category = 'Satisfied';
            } else if (score === 3) {
              color = CATEGORY_COLORS.neutral;
              category = 'Neutral';
            }
            return { label: String(score), count, color, category };
          })}
        />
      </div>
    </div>
  );
}
