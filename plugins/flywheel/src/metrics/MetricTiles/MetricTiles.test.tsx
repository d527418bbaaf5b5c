import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { MetricDefinition } from '@flywheel/plugin-flywheel-common';
import { flywheelApiRef } from '../../api';
import {
  metricDefinitions,
  mockFlywheelApi,
} from '../../__testUtils__/testData';
import { MetricTiles } from './MetricTiles';

const costMetric: MetricDefinition = {
  id: 'platformCosts.perService',
  title: 'Cost per service',
  description: 'Cloud spend per service per month.',
  domain: 'platformCosts' as MetricDefinition['domain'],
  unit: 'count',
  direction: 'lower',
  scopes: ['org', 'group'],
  aggregation: 'mean',
  comparable: false,
};

describe('MetricTiles', () => {
  it('groups the registry by domain, a domain it does not know included', async () => {
    const onSelect = jest.fn();
    renderInTestApp(
      <MetricTiles
        metrics={[...metricDefinitions, costMetric]}
        scope="group"
        query={{ groupRef: 'group:default/commerce' }}
        selectedId="valueStream.leadTime.median"
        onSelect={onSelect}
        controls="detail"
      />,
      {
        apis: [
          [
            flywheelApiRef,
            mockFlywheelApi({
              getMetricSeries: jest.fn().mockReturnValue(new Promise(() => {})),
            }),
          ],
        ],
      },
    );

    const valueStream = await screen.findByRole('region', {
      name: 'Value stream',
    });
    expect(
      within(valueStream)
        .getAllByRole('button')
        .map(b => within(b).getAllByText(/./)[0].textContent),
    ).toEqual([
      'Time to first deploy (median)',
      'Lead time for changes (median)',
      'Deployment frequency',
      'Production deployments',
      'Change failure rate',
    ]);
    expect(
      within(valueStream).getByRole('button', { pressed: true }),
    ).toHaveTextContent('Lead time for changes (median)');

    const usage = screen.getByRole('region', { name: 'Usage' });
    const activeUsers = within(usage).getByRole('button', {
      name: /Weekly active users/,
    });
    expect(activeUsers).toBeDisabled();
    expect(activeUsers).toHaveTextContent('Not published for a team');

    const costs = screen.getByRole('region', { name: 'Platform costs' });
    await userEvent.click(
      within(costs).getByRole('button', { name: /Cost per service/ }),
    );
    expect(onSelect).toHaveBeenCalledWith('platformCosts.perService');
  });
});
