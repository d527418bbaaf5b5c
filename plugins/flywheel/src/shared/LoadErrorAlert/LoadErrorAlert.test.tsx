import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { responseError } from '../../__testUtils__/testData';
import { LoadErrorAlert } from './LoadErrorAlert';

const READ = {
  doing: 'see scorecard results',
  permission: 'flywheel.scorecards.read',
};

describe('LoadErrorAlert', () => {
  it("shows the server's message and tries again", async () => {
    const onRetry = jest.fn();
    render(
      <LoadErrorAlert
        title="Could not load the exemptions"
        error={await responseError(500, 'Error', 'The database is away')}
        onRetry={onRetry}
        permission={READ}
      />,
    );

    expect(screen.getByText('Could not load the exemptions')).toBeVisible();
    expect(screen.getByText('The database is away')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('names the missing permission instead of offering to try again', async () => {
    render(
      <LoadErrorAlert
        title="Could not load the exemptions"
        error={await responseError(403, 'NotAllowedError', 'Unauthorized')}
        onRetry={jest.fn()}
        permission={READ}
      />,
    );

    expect(
      screen.getByText(
        'You are not allowed to see scorecard results: it needs the permission flywheel.scorecards.read. Ask your Backstage administrator to grant it.',
      ),
    ).toBeVisible();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
