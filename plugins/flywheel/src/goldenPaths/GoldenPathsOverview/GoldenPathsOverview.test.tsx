import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { flywheelApiRef } from '../../api';
import {
  catalogRoutes,
  emptyGoldenPathsResponse,
  mockFlywheelApi,
  responseError,
  statValue,
} from '../../__testUtils__/testData';
import { GoldenPathsOverview } from './GoldenPathsOverview';

function renderOverview(flywheelApi = mockFlywheelApi()) {
  return renderInTestApp(<GoldenPathsOverview />, {
    mountedRoutes: catalogRoutes,
    apis: [
      [flywheelApiRef, flywheelApi],
      [catalogApiRef, catalogApiMock({ entities: [] })],
    ],
  });
}

describe('GoldenPathsOverview', () => {
  it('shows the overall adoption totals', async () => {
    await renderOverview();

    const totals = await screen.findByLabelText('Golden-path adoption totals');
    expect(statValue(totals, 'Components')).toBe('14');
    expect(statValue(totals, 'From golden paths')).toBe('8');
    expect(statValue(totals, 'Overall adoption')).toBe('57.1%');
  });

  it("shows each path's numbers, drift and a link to use it", async () => {
    await renderOverview();

    const card = await screen.findByRole('region', {
      name: 'TypeScript HTTP service',
    });
    expect(within(card).getByText('v1.2.0')).toBeInTheDocument();
    expect(statValue(card, 'Adoption')).toBe('42.9%');
    expect(statValue(card, 'Services created')).toBe('6');
    expect(statValue(card, 'Scaffolder runs')).toBe('14');
    expect(within(card).getByText('92.9% succeeded')).toBeInTheDocument();
    expect(statValue(card, 'Median creation time')).toBe('2 min 5 s');
    expect(
      within(card).getByRole('link', { name: 'Checkout API' }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout-api');
    expect(within(card).getByText('1.0.0 → 1.2.0')).toBeInTheDocument();
    expect(
      within(card).getByRole('img', {
        name: /^Services created per month from TypeScript HTTP service, last 12 months: Aug 25: 0/,
      }),
    ).toBeInTheDocument();
    expect(
      within(card).getByRole('link', { name: 'Use this path' }),
    ).toHaveAttribute('href', '/create/templates/default/typescript-service');
  });

  it('says when a path has no runs or timings yet', async () => {
    await renderOverview();

    const card = await screen.findByRole('region', { name: 'React web app' });
    expect(statValue(card, 'Scaffolder runs')).toBe('0');
    expect(within(card).getByText('no runs recorded')).toBeInTheDocument();
    expect(statValue(card, 'Median creation time')).toBe('—');
    expect(
      within(card).getByText(
        'Every service from this path is on the current version.',
      ),
    ).toBeInTheDocument();
  });

  it('explains how to mark a golden path when there is none', async () => {
    await renderOverview(
      mockFlywheelApi({
        getGoldenPaths: jest.fn().mockResolvedValue(emptyGoldenPathsResponse),
      }),
    );

    expect(await screen.findByText('No golden paths yet')).toBeInTheDocument();
    expect(
      screen.getByText(/carries the label flywheel\.dev\/golden-path: 'true'/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Example Template')).toHaveTextContent(
      "flywheel.dev/golden-path: 'true'",
    );
    expect(
      screen.getByRole('link', { name: /docs\/golden-paths\.md/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/flywheel-dev/flywheel/blob/main/docs/golden-paths.md',
    );
  });

  it("shows the server's message when loading fails", async () => {
    const error = await responseError(
      500,
      'Error',
      'The catalog did not answer in time',
    );
    await renderOverview(
      mockFlywheelApi({ getGoldenPaths: jest.fn().mockRejectedValue(error) }),
    );

    expect(
      await screen.findByText(
        /Could not load golden paths: The catalog did not answer in time/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('Team adoption')).not.toBeInTheDocument();
  });
});
