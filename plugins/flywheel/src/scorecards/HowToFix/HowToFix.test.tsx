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
      name: /^How to fix: Has an on-call rotation/,
    });
    expect(link).toHaveAttribute(
      'href',
      'https://wiki.acme.example/oncall/new-rotation',
    );
    expect(link).toHaveAttribute('target', '_blank');
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
    expect(
      screen.queryByRole('link', { name: /^How to fix/ }),
    ).not.toBeInTheDocument();
  });

  it('keeps the text and links "How to fix" to an app path', async () => {
    renderInTestApp(
      <HowToFix
        howToFix="Start new services from a golden path under `Create`."
        howToFixUrl="/create"
        checkTitle="Created from a golden path"
      />,
    );

    const link = await screen.findByRole('link', {
      name: 'How to fix: Created from a golden path',
    });
    expect(link).toHaveAttribute('href', '/create');
    expect(link).toHaveTextContent('How to fix');
    // In the app: same tab.
    expect(link).not.toHaveAttribute('target');
    expect(link.closest('p')).toHaveTextContent(
      'How to fix: Start new services from a golden path under Create.',
    );
    expect(screen.getByText('Create').tagName).toBe('CODE');
  });

  it('opens an absolute howToFixUrl in a new tab', async () => {
    renderInTestApp(
      <HowToFix
        howToFix="Add `backstage.io/techdocs-ref: dir:.` to catalog-info.yaml."
        howToFixUrl="https://backstage.io/docs/features/techdocs/creating-and-publishing"
        checkTitle="Has TechDocs"
      />,
    );

    const link = await screen.findByRole('link', {
      name: /^How to fix: Has TechDocs/,
    });
    expect(link).toHaveAttribute(
      'href',
      'https://backstage.io/docs/features/techdocs/creating-and-publishing',
    );
    expect(link).toHaveAttribute('target', '_blank');
    expect(
      screen.getByText('backstage.io/techdocs-ref: dir:.'),
    ).toBeInTheDocument();
  });

  it('links howToFixUrl alone, and prefers it to a URL in howToFix', async () => {
    renderInTestApp(
      <>
        <HowToFix
          howToFixUrl="/flywheel/golden-paths"
          checkTitle="On the current golden-path version"
        />
        <HowToFix
          howToFix="https://wiki.acme.example/old"
          howToFixUrl="/docs/default/component/runbooks"
          checkTitle="Has a runbook"
        />
      </>,
    );

    expect(
      await screen.findByRole('link', {
        name: 'How to fix: On the current golden-path version',
      }),
    ).toHaveAttribute('href', '/flywheel/golden-paths');
    expect(
      screen.getByRole('link', { name: 'How to fix: Has a runbook' }),
    ).toHaveAttribute('href', '/docs/default/component/runbooks');
    // The old link stays visible as text.
    expect(
      screen.getByRole('link', { name: 'https://wiki.acme.example/old' }),
    ).toHaveAttribute('href', 'https://wiki.acme.example/old');
  });

  it('renders nothing without advice', async () => {
    renderInTestApp(
      <div data-testid="wrapper">
        <HowToFix checkTitle="Has a runbook" howToFix=" " howToFixUrl="" />
      </div>,
    );

    expect(await screen.findByTestId('wrapper')).toBeEmptyDOMElement();
  });
});
