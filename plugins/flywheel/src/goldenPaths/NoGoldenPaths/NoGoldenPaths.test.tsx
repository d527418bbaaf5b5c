import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { NoGoldenPaths } from './NoGoldenPaths';

describe('NoGoldenPaths', () => {
  it('shows the label to add and where to read more', async () => {
    renderInTestApp(<NoGoldenPaths />);

    expect(
      await screen.findByRole('heading', { name: 'No golden paths yet' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Example Template')).toHaveTextContent(
      "labels: flywheel.dev/golden-path: 'true'",
    );
    expect(
      screen.getByRole('link', { name: /docs\/golden-paths\.md/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/flywheel-dev/flywheel/blob/main/docs/golden-paths.md',
    );
  });
});
