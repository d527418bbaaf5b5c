import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogRoutes } from '../../__testUtils__/testData';
import { EntityTabLink } from './EntityTabLink';

describe('EntityTabLink', () => {
  it("links a Component's Scorecards tab", async () => {
    renderInTestApp(
      <EntityTabLink
        entityRef="component:default/checkout-api"
        tab="scorecards"
      />,
      { mountedRoutes: catalogRoutes },
    );

    expect(
      await screen.findByRole('link', { name: 'checkout-api' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-api/scorecards',
    );
  });

  it("links a Group's Team scorecard tab with the scorecard to open", async () => {
    renderInTestApp(
      <EntityTabLink
        entityRef="group:default/commerce"
        tab="team-scorecard"
        scorecardId="golden-path-adoption"
      />,
      { mountedRoutes: catalogRoutes },
    );

    expect(
      await screen.findByRole('link', { name: 'commerce' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/group/commerce/team-scorecard?scorecard=golden-path-adoption',
    );
  });
});
