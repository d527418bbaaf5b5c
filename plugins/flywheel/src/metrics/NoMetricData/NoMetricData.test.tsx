import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { NoMetricData } from './NoMetricData';

describe('NoMetricData', () => {
  it('says no deployment was reported and where to read how to connect CI', async () => {
    const { container } = renderInTestApp(
      <NoMetricData
        domain="valueStream"
        subject="the whole organisation"
        orgWide
      />,
    );

    expect(
      await screen.findByText('No deployments reported yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /docs\/metrics\.md/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/flywheel-dev/flywheel/blob/main/docs/metrics.md',
    );
    await expectNoAxeViolations(container);
  });

  it('names the scope when it is not the whole organisation', async () => {
    renderInTestApp(
      <NoMetricData domain="valueStream" subject="Commerce" orgWide={false} />,
    );

    expect(
      await screen.findByText(
        'No deployments reported for Commerce in this window',
      ),
    ).toBeInTheDocument();
  });

  it('does not repeat what the page already says', async () => {
    renderInTestApp(
      <NoMetricData
        domain="valueStream"
        subject="Commerce"
        orgWide={false}
        deploymentsExplained
      />,
    );

    expect(
      await screen.findByText('No data for Commerce in this window.'),
    ).toBeInTheDocument();
  });

  it('does not blame CI for the metrics of other domains', async () => {
    renderInTestApp(
      <NoMetricData domain="usage" subject="Commerce" orgWide={false} />,
    );

    expect(
      await screen.findByText('No data for Commerce in this window.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});
