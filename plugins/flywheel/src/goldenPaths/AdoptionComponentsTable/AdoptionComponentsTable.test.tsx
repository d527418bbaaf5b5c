import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogRoutes, paymentsAdoption } from '../../__testUtils__/testData';
import { AdoptionComponentsTable } from './AdoptionComponentsTable';

function rowOf(linkName: string) {
  return screen
    .getByRole('link', { name: linkName })
    .closest('[role="row"]') as HTMLElement;
}

describe('AdoptionComponentsTable', () => {
  it('shows path, version and status of every component', async () => {
    renderInTestApp(
      <AdoptionComponentsTable
        components={paymentsAdoption.components}
        paths={paymentsAdoption.paths}
      />,
      { mountedRoutes: catalogRoutes },
    );

    expect(
      await screen.findByRole('columnheader', { name: 'Golden path' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(4); // header + 3

    const drifted = rowOf('Checkout API');
    expect(
      within(drifted).getByText('TypeScript HTTP service'),
    ).toBeInTheDocument();
    expect(within(drifted).getByText('1.0.0')).toBeInTheDocument();
    expect(within(drifted).getByText('Drifted')).toBeInTheDocument();
    expect(
      within(drifted).getByRole('link', { name: /payments/ }),
    ).toHaveAttribute('href', '/catalog/default/group/payments');

    expect(
      within(rowOf('Payments gateway')).getByText('Current'),
    ).toBeInTheDocument();
    expect(
      within(rowOf('Legacy billing')).getByText('Not from a golden path'),
    ).toBeInTheDocument();
  });

  it('says so when the team owns nothing', async () => {
    renderInTestApp(<AdoptionComponentsTable components={[]} paths={[]} />, {
      mountedRoutes: catalogRoutes,
    });

    expect(
      await screen.findByText('This team owns no components.'),
    ).toBeInTheDocument();
  });
});
