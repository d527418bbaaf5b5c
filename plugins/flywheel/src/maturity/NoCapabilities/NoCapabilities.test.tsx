import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { NoCapabilities } from './NoCapabilities';

describe('NoCapabilities', () => {
  it('explains how to mark a capability and links to the docs', async () => {
    const { container } = await renderInTestApp(<NoCapabilities />);

    expect(screen.getByText('No capabilities yet')).toBeInTheDocument();
    expect(screen.getByText(/entities tagged capability/)).toHaveTextContent(
      'flywheel.maturity.capabilities.filter',
    );
    expect(
      screen.getByRole('link', { name: /docs\/maturity\.md/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/flywheel-dev/flywheel/blob/main/docs/maturity.md',
    );
    await expectNoAxeViolations(container);
  });
});
