import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { flywheelApiRef } from '../../api';
import {
  catalogRoutes,
  mockFlywheelApi,
  paymentsAdoption,
  statValue,
} from '../../__testUtils__/testData';
import { GroupAdoptionDetails } from './GroupAdoptionDetails';

describe('GroupAdoptionDetails', () => {
  it('leaves out the sub-team note for a team without sub-teams', async () => {
    const flywheelApi = mockFlywheelApi({
      getGroupAdoption: jest.fn().mockResolvedValue({
        ...paymentsAdoption,
        groupRefs: ['group:default/payments'],
      }),
    });
    renderInTestApp(
      <GroupAdoptionDetails groupRef="group:default/payments" />,
      {
        mountedRoutes: catalogRoutes,
        apis: [[flywheelApiRef, flywheelApi]],
      },
    );

    const totals = await screen.findByLabelText('Team adoption totals');
    expect(statValue(totals, 'Team adoption')).toBe('66.7%');
    expect(statValue(totals, 'From golden paths')).toBe('2');
    expect(screen.queryByText(/sub-team/)).not.toBeInTheDocument();
  });
});
