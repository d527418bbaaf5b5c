import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { flywheelApiRef } from '../../api';
import { mockFlywheelApi, responseError } from '../../__testUtils__/testData';
import { GoldenPathPicker } from './GoldenPathPicker';

describe('GoldenPathPicker', () => {
  it('offers every golden path by title and reports its template ref', async () => {
    const onChange = jest.fn();
    renderInTestApp(
      <GoldenPathPicker value={undefined} onChange={onChange} />,
      {
        apis: [[flywheelApiRef, mockFlywheelApi()]],
      },
    );

    const button = await screen.findByRole('button', { name: /Golden path/ });
    await waitFor(() => expect(button).toBeEnabled());
    await userEvent.click(button);
    expect(
      (await screen.findAllByRole('option')).map(o => o.textContent),
    ).toEqual(['All services', 'React web app', 'TypeScript HTTP service']);

    await userEvent.click(
      screen.getByRole('option', { name: 'TypeScript HTTP service' }),
    );
    expect(onChange).toHaveBeenCalledWith(
      'template:default/typescript-service',
    );
  });

  it('clears the choice with "All services"', async () => {
    const onChange = jest.fn();
    renderInTestApp(
      <GoldenPathPicker
        value="template:default/typescript-service"
        onChange={onChange}
      />,
      { apis: [[flywheelApiRef, mockFlywheelApi()]] },
    );

    const button = await screen.findByRole('button', { name: /Golden path/ });
    await waitFor(() =>
      expect(button).toHaveTextContent('TypeScript HTTP service'),
    );
    await userEvent.click(button);
    await userEvent.click(
      await screen.findByRole('option', { name: 'All services' }),
    );
    expect(onChange).toHaveBeenCalledWith(undefined);
  });

  it('explains when golden paths cannot be loaded', async () => {
    const error = await responseError(403, 'NotAllowedError', 'Unauthorized');
    renderInTestApp(
      <GoldenPathPicker value={undefined} onChange={jest.fn()} />,
      {
        apis: [
          [
            flywheelApiRef,
            mockFlywheelApi({
              getGoldenPaths: jest.fn().mockRejectedValue(error),
            }),
          ],
        ],
      },
    );

    expect(
      await screen.findByText('Could not load golden paths: Unauthorized'),
    ).toBeInTheDocument();
  });
});
