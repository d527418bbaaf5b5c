import { GoldenPathsResponse } from '@flywheel/plugin-flywheel-common';
import { Card, CardBody } from '@backstage/ui';
import { StatList } from '../../shared/StatList';
import { formatPercent } from '../../shared/format';

/** The headline: how much of the catalog came from golden paths. */
export function AdoptionTotals(props: {
  totals: GoldenPathsResponse['totals'];
}) {
  const { totals } = props;
  return (
    <Card>
      <CardBody>
        <StatList
          aria-label="Golden-path adoption totals"
          stats={[
            { label: 'Components', value: totals.components },
            {
              label: 'From golden paths',
              value: totals.fromGoldenPaths,
            },
            {
              label: 'Overall adoption',
              value: formatPercent(totals.adoptionPercent),
              hint: 'components created from a golden path',
            },
          ]}
        />
      </CardBody>
    </Card>
  );
}
