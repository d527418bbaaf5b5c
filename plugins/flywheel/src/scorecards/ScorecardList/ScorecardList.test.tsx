import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  catalogRoutes,
  scorecardsResponse,
} from '../../__testUtils__/testData';
import { ScorecardList } from './ScorecardList';

function rowOf(name: string) {
  return screen
    .getByRole('link', { name })
    .closest('[role="row"]') as HTMLElement;
}

describe('ScorecardList', () => {
  it('lists each scorecard with owner, levels and checks, marking the one shown', async () => {
    renderInTestApp(
      <ScorecardList
        scorecards={scorecardsResponse.items}
        selectedId="production-readiness"
      />,
      { mountedRoutes: catalogRoutes },
    );

    const readiness = await screen.findByRole('link', {
      name: 'Production readiness',
    });
    expect(readiness).toHaveAttribute('aria-current', 'true');
    expect(readiness.getAttribute('href')).toMatch(
      /\?scorecard=production-readiness$/,
    );
    const row = rowOf('Production readiness');
    expect(within(row).getByText('Shown below')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: /sre/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/sre',
    );
    expect(within(row).getByText('Bronze → Silver → Gold')).toBeInTheDocument();
    expect(within(row).getByText('3')).toBeInTheDocument();
    expect(within(row).getByText('app-config')).toBeInTheDocument();

    const builtIn = rowOf('Golden path adoption');
    expect(
      screen.getByRole('link', { name: 'Golden path adoption' }),
    ).not.toHaveAttribute('aria-current');
    expect(within(builtIn).getByText('5')).toBeInTheDocument();
    expect(within(builtIn).getByText('Built in')).toBeInTheDocument();
    expect(within(builtIn).getByText('—')).toBeInTheDocument();
  });
});
