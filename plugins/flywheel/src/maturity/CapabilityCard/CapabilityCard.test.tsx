import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  catalogRoutes,
  ciCapability,
  flagsCapability,
  templatesCapability,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { CapabilityCard } from './CapabilityCard';

const CI_HREF = '/flywheel/maturity/component/default/ci-pipelines';

function renderCard(capability = ciCapability, href?: string) {
  return renderInTestApp(
    <CapabilityCard capability={capability} href={href} />,
    {
      mountedRoutes: catalogRoutes,
    },
  );
}

describe('CapabilityCard', () => {
  it('shows owners, the time in its stage, progress and what blocks the next stage', async () => {
    const { container } = await renderCard(ciCapability, CI_HREF);

    expect(screen.getByRole('link', { name: 'CI pipelines' })).toHaveAttribute(
      'href',
      '/flywheel/maturity/component/default/ci-pipelines',
    );
    expect(screen.getByText(/Owned by/)).toHaveTextContent(
      'Owned by platform-ci',
    );
    expect(screen.getByText(/^In Beta since/)).toHaveTextContent(
      /^In Beta since Oct 1, 2026$/,
    );
    expect(screen.getByText('2 of 4 exit criteria met')).toBeInTheDocument();
    expect(screen.getByText('Blocks Generally available:')).toBeInTheDocument();
    expect(
      within(screen.getByRole('list'))
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual(['Lead time under a day', 'Runbook and on-call rota']);
    await expectNoAxeViolations(container);
  });

  it('says when a capability is in the last stage or never moved', async () => {
    await renderCard(templatesCapability);
    expect(
      screen.getByText('Last stage of Platform capability'),
    ).toBeInTheDocument();
    expect(screen.getByText('No exit criteria')).toBeInTheDocument();
  });

  it('says when nothing blocks the next stage', async () => {
    await renderCard({ ...flagsCapability, blockers: [] });
    expect(
      screen.getByText('In Experimental, never moved'),
    ).toBeInTheDocument();
    expect(screen.getByText('Ready for Beta')).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Feature flags' }),
    ).not.toBeInTheDocument();
  });
});
