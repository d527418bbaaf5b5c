import { screen } from '@testing-library/react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { useScorecardPermissions } from './hooks';

function Probe() {
  const permissions = useScorecardPermissions();
  return <output>{JSON.stringify(permissions)}</output>;
}

describe('useScorecardPermissions', () => {
  it('asks the permission framework about each scorecard action', async () => {
    const authorize = jest.fn(request =>
      request.permission.name === 'flywheel.scorecards.refresh'
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
    );
    renderInTestApp(<Probe />, {
      apis: [[permissionApiRef, mockApis.permission({ authorize })]],
    });

    expect(
      await screen.findByText(
        JSON.stringify({
          canRefresh: false,
          canRequestExemption: true,
        }),
      ),
    ).toBeInTheDocument();
    expect(
      authorize.mock.calls.map(([request]) => request.permission.name).sort(),
    ).toEqual([
      // Deciding depends on the exemption: the API says so on each one.
      'flywheel.scorecards.exemption.request',
      'flywheel.scorecards.refresh',
    ]);
  });
});
