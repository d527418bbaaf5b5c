import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { Location } from '../__testUtils__/Location';
import { NewSurveyButton } from './NewSurveyButton';

describe('NewSurveyButton', () => {
  it('opens a blank editor', async () => {
    renderInTestApp(
      <>
        <NewSurveyButton />
        <Location />
      </>,
    );

    await userEvent.click(screen.getByRole('button', { name: 'New survey' }));
    await userEvent.click(
      await screen.findByRole('menuitem', { name: 'Blank survey' }),
    );
    expect(screen.getByRole('status', { name: 'Location' })).toHaveTextContent(
      /^\/new$/,
    );
  });

  it('opens the editor with a template', async () => {
    renderInTestApp(
      <>
        <NewSurveyButton />
        <Location />
      </>,
    );

    await userEvent.click(screen.getByRole('button', { name: 'New survey' }));
    await userEvent.click(
      await screen.findByRole('menuitem', { name: 'Golden path CSAT' }),
    );
    expect(screen.getByRole('status', { name: 'Location' })).toHaveTextContent(
      '/new?template=golden-path-csat',
    );
  });
});
