import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { GroupPicker } from './GroupPicker';

const groups = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'storefront', namespace: 'default' },
    spec: { type: 'team', profile: { displayName: 'Storefront' } },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments', namespace: 'default', title: 'Payments' },
    spec: { type: 'team' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'data', namespace: 'analytics' },
    spec: { type: 'team' },
  },
];

describe('GroupPicker', () => {
  it('offers every group by its display name, sorted, and reports the ref', async () => {
    const onChange = jest.fn();
    renderInTestApp(<GroupPicker value={undefined} onChange={onChange} />, {
      apis: [[catalogApiRef, catalogApiMock({ entities: groups })]],
    });

    await userEvent.click(await screen.findByRole('button', { name: /Team/ }));
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      'data',
      'Payments',
      'Storefront',
    ]);

    await userEvent.click(screen.getByRole('option', { name: 'data' }));
    expect(onChange).toHaveBeenCalledWith('group:analytics/data');
  });

  it('offers to clear the choice when asked to', async () => {
    const onChange = jest.fn();
    renderInTestApp(
      <GroupPicker
        value="group:default/payments"
        onChange={onChange}
        noneLabel="All teams"
      />,
      { apis: [[catalogApiRef, catalogApiMock({ entities: groups })]] },
    );

    const button = await screen.findByRole('button', { name: /Team/ });
    await waitFor(() => expect(button).toHaveTextContent('Payments'));
    await userEvent.click(button);
    expect(
      (await screen.findAllByRole('option')).map(o => o.textContent),
    ).toEqual(['All teams', 'data', 'Payments', 'Storefront']);

    await userEvent.click(screen.getByRole('option', { name: 'All teams' }));
    expect(onChange).toHaveBeenCalledWith(undefined);
  });

  it('explains when the catalog cannot list teams', async () => {
    const catalogApi = catalogApiMock.mock({
      getEntities: jest.fn().mockRejectedValue(new Error('catalog is down')),
    });
    renderInTestApp(<GroupPicker value={undefined} onChange={jest.fn()} />, {
      apis: [[catalogApiRef, catalogApi]],
    });

    expect(
      await screen.findByText('Could not load teams: catalog is down'),
    ).toBeInTheDocument();
  });
});
