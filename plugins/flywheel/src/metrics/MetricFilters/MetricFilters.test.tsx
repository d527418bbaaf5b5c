import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { flywheelApiRef } from '../../api';
import {
  catalogRoutes,
  mockFlywheelApi,
  orgGroups,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { MetricFilters as Filters } from '../filters';
import { MetricFilters } from './MetricFilters';

function renderFilters(filters: Partial<Filters> = {}) {
  const onChange = jest.fn();
  const rendered = renderInTestApp(
    <MetricFilters
      filters={{ window: '26w', interval: 'week', ...filters }}
      onChange={onChange}
    />,
    {
      mountedRoutes: catalogRoutes,
      apis: [
        [flywheelApiRef, mockFlywheelApi()],
        [catalogApiRef, catalogApiMock({ entities: orgGroups })],
      ],
    },
  );
  return { onChange, rendered };
}

async function choose(label: RegExp, option: string) {
  const button = await screen.findByRole('button', { name: label });
  await waitFor(() => expect(button).toBeEnabled());
  await userEvent.click(button);
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

describe('MetricFilters', () => {
  it('reports the team, golden path, window and interval chosen', async () => {
    const { onChange, rendered } = renderFilters();

    await choose(/Team/, 'Commerce');
    expect(onChange).toHaveBeenLastCalledWith({
      groupRef: 'group:default/commerce',
    });
    await choose(/Golden path/, 'React web app');
    expect(onChange).toHaveBeenLastCalledWith({
      goldenPath: 'template:default/react-webapp',
    });
    await choose(/Window/, 'Last year');
    expect(onChange).toHaveBeenLastCalledWith({ window: '1y' });
    await choose(/Interval/, 'Month');
    expect(onChange).toHaveBeenLastCalledWith({ interval: 'month' });

    await expectNoAxeViolations(rendered.container);
  });

  it('works from the keyboard', async () => {
    const { onChange } = renderFilters();

    const window = await screen.findByRole('button', { name: /Window/ });
    window.focus();
    await userEvent.keyboard('{ArrowDown}');
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      'Last 90 days',
      'Last 26 weeks',
      'Last year',
    ]);
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(onChange).toHaveBeenLastCalledWith({ window: '1y' });
  });

  it('shows a view of one entity and widens it to the organisation', async () => {
    const { onChange } = renderFilters({
      entityRef: 'component:default/checkout-api',
    });

    expect(
      await screen.findByRole('link', { name: 'checkout-api' }),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Show the whole organisation' }),
    );
    expect(onChange).toHaveBeenCalledWith({ entityRef: undefined });
  });
});
