import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { TemplateChangelog } from './TemplateChangelog';

describe('TemplateChangelog', () => {
  it('is collapsed until the reader opens it', async () => {
    await renderInTestApp(
      <TemplateChangelog changelog={'## 1.2.0\n- Added: health check.'} />,
    );

    const toggle = await screen.findByRole('button', { name: 'Changelog' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');

    await userEvent.click(toggle);

    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('heading', { name: '1.2.0' })).toBeVisible();
    expect(screen.getByText('Added: health check.')).toBeVisible();
  });

  it('renders nothing without a changelog', async () => {
    await renderInTestApp(
      <div data-testid="wrapper">
        <TemplateChangelog />
      </div>,
    );

    expect(await screen.findByTestId('wrapper')).toBeEmptyDOMElement();
  });
});
