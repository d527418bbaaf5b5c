import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { createdResult } from '../__testUtils__/respondData';
import { SubmitStatusAlert } from './SubmitStatusAlert';

describe('SubmitStatusAlert', () => {
  it('shows which attempt is under way while retrying', async () => {
    renderInTestApp(
      <SubmitStatusAlert
        status={{
          state: 'retrying',
          attempt: 2,
          of: 4,
          message: 'Failed to fetch',
        }}
      />,
    );

    expect(
      await screen.findByText('Sending again (attempt 2 of 4)…'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The last attempt failed: Failed to fetch'),
    ).toBeInTheDocument();
  });

  it('shows the failure with a Retry button', async () => {
    const retry = jest.fn().mockResolvedValue(undefined);
    renderInTestApp(
      <SubmitStatusAlert
        status={{
          state: 'failed',
          message: 'This wave closed on Dec 1, 2026.',
          retryable: false,
          retry,
        }}
      />,
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your answers were not sent');
    expect(alert).toHaveTextContent(
      'This wave closed on Dec 1, 2026. Your answers are kept here.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(retry).toHaveBeenCalled();
  });

  it('shows nothing otherwise', async () => {
    renderInTestApp(
      <div data-testid="box">
        <SubmitStatusAlert status={{ state: 'sent', result: createdResult }} />
      </div>,
    );

    expect(await screen.findByTestId('box')).toBeEmptyDOMElement();
  });
});
