import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { flywheelApiRef } from '../../api';
import {
  catalogRoutes,
  commerceEntities,
  goldenPathScorecard,
  mockFlywheelApi,
  responseError,
} from '../../__testUtils__/testData';
import { TeamEntitiesTable } from './TeamEntitiesTable';

function rowOf(name: string) {
  return screen
    .getByRole('link', { name })
    .closest('[role="row"]') as HTMLElement;
}

function renderTable(flywheelApi: ReturnType<typeof mockFlywheelApi>) {
  renderInTestApp(
    <TeamEntitiesTable
      scorecard={goldenPathScorecard}
      groupRef="group:default/commerce"
    />,
    { mountedRoutes: catalogRoutes, apis: [[flywheelApiRef, flywheelApi]] },
  );
}

describe('TeamEntitiesTable', () => {
  it("lists the team's entities with level and score, linking their Scorecards tab", async () => {
    const flywheelApi = mockFlywheelApi();
    renderTable(flywheelApi);

    const link = await screen.findByRole('link', { name: 'checkout-api' });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-api/scorecards?scorecard=golden-path-adoption',
    );
    expect(flywheelApi.getScorecardEntities).toHaveBeenCalledWith({
      scorecardId: 'golden-path-adoption',
      groupRef: 'group:default/commerce',
      limit: 20,
      offset: 0,
    });

    const checkout = rowOf('checkout-api');
    expect(checkout).toHaveTextContent('Level: Silver');
    expect(within(checkout).getByText('66.7%')).toBeInTheDocument();

    const billing = rowOf('legacy-billing');
    expect(billing).toHaveTextContent('Level: No level');
    expect(within(billing).getByText('4')).toBeInTheDocument();
  });

  it("shows the server's message when the entities cannot be loaded, and tries again", async () => {
    const flywheelApi = mockFlywheelApi({
      getScorecardEntities: jest
        .fn()
        .mockRejectedValueOnce(
          await responseError(500, 'Error', 'The results database is away'),
        )
        .mockResolvedValueOnce(commerceEntities),
    });
    renderTable(flywheelApi);

    expect(
      await screen.findByText('The results database is away'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(
      await screen.findByRole('link', { name: 'checkout-api' }),
    ).toBeInTheDocument();
  });

  it('pages through the server', async () => {
    const flywheelApi = mockFlywheelApi({
      getScorecardEntities: jest
        .fn()
        .mockResolvedValueOnce({ ...commerceEntities, totalCount: 25 })
        .mockResolvedValueOnce({
          totalCount: 25,
          items: [
            {
              ...commerceEntities.items[0],
              entityRef: 'component:default/returns-api',
            },
          ],
        }),
    });
    renderTable(flywheelApi);

    await screen.findByRole('link', { name: 'checkout-api' });
    await userEvent.click(screen.getByRole('button', { name: /next/i }));

    expect(
      await screen.findByRole('link', { name: 'returns-api' }),
    ).toBeInTheDocument();
    expect(flywheelApi.getScorecardEntities).toHaveBeenLastCalledWith(
      expect.objectContaining({ limit: 20, offset: 20 }),
    );
  });
});
