import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { flywheelApiRef } from '../../api';
import {
  approvedExemption,
  checkoutResults,
  goldenPathScorecard,
  mockFlywheelApi,
  pendingExemption,
  readinessScorecard,
  statValue,
} from '../../__testUtils__/testData';
import { ScorecardResultCard } from './ScorecardResultCard';

function renderCard(
  props: Partial<Parameters<typeof ScorecardResultCard>[0]> = {},
) {
  const flywheelApi = mockFlywheelApi();
  const onExemptionRequested = jest.fn();
  renderInTestApp(
    <ScorecardResultCard
      scorecard={goldenPathScorecard}
      result={checkoutResults.results[0]}
      exemptions={[]}
      canRequestExemption
      onExemptionRequested={onExemptionRequested}
      {...props}
    />,
    { apis: [[flywheelApiRef, flywheelApi]] },
  );
  return { flywheelApi, onExemptionRequested };
}

function checkItem(title: string) {
  return screen.getByRole('listitem', { name: title });
}

describe('ScorecardResultCard', () => {
  it('shows level, score and every check with its state and reason', async () => {
    renderCard();

    const card = await screen.findByRole('region', {
      name: 'Golden path adoption',
    });
    expect(card).toHaveTextContent('Level: Silver');
    expect(statValue(card, 'Score')).toBe('66.7%');
    expect(statValue(card, 'Checks passing')).toBe('4 of 6');

    const bronze = within(card).getByRole('region', { name: 'Bronze checks' });
    expect(within(bronze).getAllByRole('listitem')).toHaveLength(2);

    const failing = checkItem('On the current golden-path version');
    expect(within(failing).getByText('Fail')).toBeInTheDocument();
    expect(
      within(failing).getByText(
        'Created from 1.0.0; the golden path is at 1.2.0',
      ),
    ).toBeInTheDocument();
    expect(
      within(failing).getByRole('link', {
        name: 'How to fix: On the current golden-path version, Opens in a new window',
      }),
    ).toHaveAttribute('href', 'https://docs.acme.example/golden-paths/upgrade');

    const warning = checkItem('Has TechDocs');
    expect(within(warning).getByText('Warning')).toBeInTheDocument();
    expect(
      within(warning).getByText(/does not block the level/),
    ).toBeInTheDocument();
    expect(within(warning).getByText('How to fix:')).toBeInTheDocument();

    // Passing checks do not nag with how to fix them.
    const passing = checkItem('Owned by a team');
    expect(within(passing).getByText('Pass')).toBeInTheDocument();
    expect(within(passing).queryByText('How to fix:')).toBeNull();
    expect(within(passing).queryByRole('button')).toBeNull();

    expect(
      await within(card).findByRole('img', { name: /^Score history/ }),
    ).toBeInTheDocument();
  });

  it('links a check to its howToFixUrl next to the text', async () => {
    renderCard({
      scorecard: {
        ...goldenPathScorecard,
        checks: goldenPathScorecard.checks.map(check =>
          check.id === 'has-techdocs'
            ? { ...check, howToFixUrl: '/docs/default/component/techdocs' }
            : check,
        ),
      },
    });

    const warning = await screen.findByRole('listitem', {
      name: 'Has TechDocs',
    });
    expect(
      within(warning).getByRole('link', { name: 'How to fix: Has TechDocs' }),
    ).toHaveAttribute('href', '/docs/default/component/techdocs');
    expect(warning).toHaveTextContent(
      'How to fix: Add the annotation backstage.io/techdocs-ref: dir:. to catalog-info.yaml.',
    );
  });

  it('offers an exemption on failing, warning and unknown checks only', async () => {
    const { flywheelApi, onExemptionRequested } = renderCard();

    await screen.findByRole('region', { name: 'Golden path adoption' });
    expect(
      screen
        .getAllByRole('button', { name: /^Request exemption/ })
        .map(b => b.getAttribute('aria-label')),
    ).toEqual([
      'Request exemption: On the current golden-path version',
      'Request exemption: Has TechDocs',
    ]);

    await userEvent.click(
      screen.getByRole('button', { name: 'Request exemption: Has TechDocs' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Has TechDocs');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Justification/ }),
      'Docs live in the team wiki for now',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Request exemption' }),
    );

    expect(flywheelApi.requestScorecardExemption).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: 'component:default/checkout-api',
        checkId: 'has-techdocs',
        justification: 'Docs live in the team wiki for now',
      }),
    );
    expect(onExemptionRequested).toHaveBeenCalled();
  });

  it('shows open exemptions instead of offering another', async () => {
    renderCard({ exemptions: [pendingExemption] });

    const failing = await screen.findByRole('listitem', {
      name: 'On the current golden-path version',
    });
    expect(
      within(failing).getByText(
        'Exemption requested on Jul 19, 2026, waiting for a decision.',
      ),
    ).toBeInTheDocument();
    expect(within(failing).queryByRole('button')).toBeNull();
  });

  it('offers a new exemption when a request expired undecided', async () => {
    renderCard({ exemptions: [{ ...pendingExemption, expired: true }] });

    const failing = await screen.findByRole('listitem', {
      name: 'On the current golden-path version',
    });
    expect(
      within(failing).queryByText(/waiting for a decision/),
    ).not.toBeInTheDocument();
    expect(
      within(failing).getByRole('button', {
        name: 'Request exemption: On the current golden-path version',
      }),
    ).toBeInTheDocument();
  });

  it('offers no exemption without the permission', async () => {
    renderCard({ canRequestExemption: false });

    await screen.findByRole('region', { name: 'Golden path adoption' });
    expect(
      screen.queryByRole('button', { name: /Request exemption/ }),
    ).toBeNull();
  });

  it('shows exempt, unknown and not applicable checks', async () => {
    renderCard({
      scorecard: readinessScorecard,
      result: checkoutResults.results[1],
      exemptions: [approvedExemption],
    });

    const card = await screen.findByRole('region', {
      name: 'Production readiness',
    });
    expect(card).toHaveTextContent('Level: No level');
    expect(statValue(card, 'Checks passing')).toBe('0 of 1');
    expect(
      within(card).getByText('1 exempt, 1 not applicable'),
    ).toBeInTheDocument();
    expect(
      within(checkItem('Has an on-call rotation')).getByText('Unknown'),
    ).toBeInTheDocument();
    const exempt = checkItem('Has a runbook');
    expect(within(exempt).getByText('Exempt')).toBeInTheDocument();
    expect(
      within(exempt).getByText(
        'Exempt until Sep 1, 2026: the runbook lives in the SRE wiki',
      ),
    ).toBeInTheDocument();
    // The result says until when; no second line for the same exemption.
    expect(within(exempt).queryByText('Exempt until Sep 1, 2026.')).toBeNull();
    expect(
      within(checkItem('At most 10 pages in 30 days')).getByText(
        'Not applicable',
      ),
    ).toBeInTheDocument();
  });
});
