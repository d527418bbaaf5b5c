import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { HowToFix } from './HowToFix';

describe('HowToFix', () => {
  it('links a URL, naming the check', async () => {
    renderInTestApp(
      <HowToFix
        howToFix="https://wiki.acme.example/oncall/new-rotation"
        checkTitle="Has an on-call rotation"
      />,
    );

    const link = await screen.findByRole('link', {
      name: 'How to fix: Has an on-call rotation',
    });
    expect(link).toHaveAttribute(
      'href',
      'https://wiki.acme.example/oncall/new-rotation',
    );
    expect(link).toHaveTextContent('How to fix');
  });

  it('shows text with code and links inside it', async () => {
    renderInTestApp(
      <HowToFix
        howToFix="Add `spec.system` to catalog-info.yaml (see https://docs.acme.example/systems)."
        checkTitle="Part of a system"
      />,
    );

    expect(await screen.findByText('How to fix:')).toBeInTheDocument();
    expect(screen.getByText('spec.system').tagName).toBe('CODE');
    expect(
      screen.getByRole('link', { name: 'https://docs.acme.example/systems' }),
    ).toHaveAttribute('href', 'https://docs.acme.example/systems');
  });

  it('renders nothing without advice', async () => {
    renderInTestApp(
      <div data-testid="wrapper">
        <HowToFix checkTitle="Has a runbook" />
      </div>,
    );

    expect(await screen.findByTestId('wrapper')).toBeEmptyDOMElement();
  });
});
