import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { flywheelApiRef } from '../../api';
import {
  approvedExemption,
  catalogRoutes,
  mockFlywheelApi,
  pendingExemption,
  rejectedExemption,
  responseError,
  scorecardsResponse,
} from '../../__testUtils__/testData';
import { ScorecardExemption } from '@flywheel/plugin-flywheel-common';
import { ExemptionList } from './ExemptionList';

function renderList(
  options: {
    canDecide?: boolean;
    showEntity?: boolean;
    flywheelApi?: ReturnType<typeof mockFlywheelApi>;
    exemptions?: ScorecardExemption[];
  } = {},
) {
  const flywheelApi = options.flywheelApi ?? mockFlywheelApi();
  const onChanged = jest.fn();
  // The API says per exemption whether the user may decide it.
  const asDecider = (exemptions: ScorecardExemption[]) =>
    options.canDecide === undefined
      ? exemptions
      : exemptions.map(e => ({ ...e, canDecide: options.canDecide }));
  renderInTestApp(
    <ExemptionList
      exemptions={asDecider(
        options.exemptions ?? [
          pendingExemption,
          approvedExemption,
          rejectedExemption,
          {
            ...approvedExemption,
            id: 'ex-4',
            checkId: 'quiet-pager',
            expired: true,
          },
          {
            ...approvedExemption,
            id: 'ex-5',
            checkId: 'oncall-rotation',
            status: 'revoked',
            revokedBy: 'user:default/helena.kowalski',
            revokedAt: '2026-07-01T09:00:00Z',
            revokeNote: 'The rotation exists now',
          },
        ],
      )}
      scorecards={scorecardsResponse.items}
      showEntity={options.showEntity}
      onChanged={onChanged}
      aria-label="Exemptions"
      emptyText="No exemptions."
    />,
    {
      mountedRoutes: catalogRoutes,
      apis: [[flywheelApiRef, flywheelApi]],
    },
  );
  return { flywheelApi, onChanged };
}

function item(name: RegExp | string) {
  return screen.getByRole('listitem', { name });
}

describe('ExemptionList', () => {
  it('shows status, justification, expiry and decision of each exemption', async () => {
    renderList();

    const list = await screen.findByRole('list', { name: 'Exemptions' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(5);

    const pending = item('On the current golden-path version');
    expect(within(pending).getByText('Pending')).toBeInTheDocument();
    expect(
      within(pending).getByText('Upgrade is planned for the Q3 freeze window'),
    ).toBeInTheDocument();
    expect(within(pending).getByText('Oct 17, 2026')).toBeInTheDocument();

    const approved = item('Has a runbook');
    expect(within(approved).getAllByText('Approved')).toHaveLength(2);
    expect(
      within(approved).getByText(/Fine until the wiki migration/),
    ).toBeInTheDocument();

    const rejected = item('Has TechDocs');
    expect(within(rejected).getAllByText('Rejected')).toHaveLength(2);
    expect(rejected).toHaveTextContent(
      'May 2, 2026 by helena.kowalski: “Docs are required for on-call handover”',
    );
    expect(
      within(item('At most 10 pages in 30 days')).getAllByText('Expired'),
    ).toHaveLength(2); // the status and the date's label

    const revoked = item('Has an on-call rotation');
    expect(within(revoked).getAllByText('Revoked')).toHaveLength(2);
    expect(revoked).toHaveTextContent(
      'Jul 1, 2026 by helena.kowalski: “The rotation exists now”',
    );
    expect(revoked).toHaveTextContent('ApprovedJun 2, 2026');
  });

  it('offers no decisions without the decide permission', async () => {
    renderList({ canDecide: false });

    await screen.findByRole('list', { name: 'Exemptions' });
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('offers decisions only where the API says the user may decide, and says why not elsewhere', async () => {
    renderList({
      exemptions: [
        {
          ...pendingExemption,
          canDecide: false,
          cannotDecideReason:
            'You requested this exemption; one of the owners of the entity decides on it',
        },
        {
          ...approvedExemption,
          canDecide: false,
          cannotDecideReason:
            'Only the owners of component:default/checkout-api (members of its owning team or of a team above it) decide on its exemptions',
        },
        { ...rejectedExemption, canDecide: false },
        {
          ...approvedExemption,
          id: 'ex-9',
          checkId: 'quiet-pager',
          status: 'pending',
          decidedBy: undefined,
          canDecide: true,
        },
      ],
    });

    const own = await screen.findByRole('listitem', {
      name: 'On the current golden-path version',
    });
    expect(within(own).queryByRole('button')).not.toBeInTheDocument();
    expect(
      within(own).getByText(
        'You requested this exemption; one of the owners of the entity decides on it',
      ),
    ).toBeInTheDocument();
    const running = item('Has a runbook');
    expect(within(running).queryByRole('button')).not.toBeInTheDocument();
    expect(
      within(running).getByText(/^Only the owners of/),
    ).toBeInTheDocument();
    // Nothing to decide on a rejected one: no buttons, no explanation.
    const rejected = item('Has TechDocs');
    expect(within(rejected).queryByRole('button')).not.toBeInTheDocument();
    expect(within(rejected).queryByText(/owners/)).not.toBeInTheDocument();
    // Without an explanation from the API, a generic one.
    const mine = item('At most 10 pages in 30 days');
    expect(
      within(mine).getByRole('button', { name: /^Approve exemption/ }),
    ).toBeInTheDocument();
    expect(
      within(mine).getByRole('button', { name: /^Reject exemption/ }),
    ).toBeInTheDocument();
  });

  it('explains in general words when the API gives no reason', async () => {
    renderList({ exemptions: [pendingExemption] });

    expect(
      await screen.findByText(
        'Only the owners of the entity decide on its exemptions.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('approves a pending exemption', async () => {
    const { flywheelApi, onChanged } = renderList({ canDecide: true });

    await userEvent.click(
      await screen.findByRole('button', {
        name: /^Approve exemption: On the current golden-path version/,
      }),
    );

    expect(flywheelApi.decideScorecardExemption).toHaveBeenCalledWith('ex-1', {
      decision: 'approved',
    });
    expect(onChanged).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'ex-1', status: 'approved' }),
    );
    // Only running exemptions can be revoked; expired and rejected ones not.
    expect(screen.getAllByRole('button', { name: /^Revoke/ })).toHaveLength(1);
  });

  it('offers only Reject for a request whose expiry passed undecided', async () => {
    renderList({
      canDecide: true,
      exemptions: [{ ...pendingExemption, expired: true }],
    });

    const lapsed = await screen.findByRole('listitem', {
      name: 'On the current golden-path version',
    });
    expect(within(lapsed).getByText('Expired undecided')).toBeInTheDocument();
    expect(
      within(lapsed).queryByRole('button', { name: /^Approve/ }),
    ).not.toBeInTheDocument();
    expect(
      within(lapsed).getByRole('button', { name: /^Reject exemption/ }),
    ).toBeInTheDocument();
  });

  it('asks for a reason before rejecting', async () => {
    const { flywheelApi, onChanged } = renderList({ canDecide: true });

    await userEvent.click(
      await screen.findByRole('button', { name: /^Reject exemption/ }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Reject the exemption',
    });
    const reason = within(dialog).getByRole('textbox', {
      name: /Reason for rejecting/,
    });
    expect(reason).toBeRequired();
    expect(
      within(dialog).getByText(
        'Required. Say why, so the requester knows what to do instead.',
      ),
    ).toBeInTheDocument();
    const reject = within(dialog).getByRole('button', { name: 'Reject' });
    expect(reject).toBeDisabled();

    // Blank is not a reason.
    await userEvent.type(reason, '   ');
    expect(reject).toBeDisabled();
    await userEvent.type(reason, '{Enter}');
    expect(flywheelApi.decideScorecardExemption).not.toHaveBeenCalled();

    await userEvent.clear(reason);
    await userEvent.type(reason, '  Upgrade before the freeze instead ');
    expect(reject).toBeEnabled();
    await userEvent.click(reject);

    expect(flywheelApi.decideScorecardExemption).toHaveBeenCalledWith('ex-1', {
      decision: 'rejected',
      note: 'Upgrade before the freeze instead',
    });
    expect(onChanged).toHaveBeenCalled();
  });

  it('revokes a running exemption with an optional note', async () => {
    const { flywheelApi } = renderList({ canDecide: true });

    await userEvent.click(
      await screen.findByRole('button', {
        name: /^Revoke exemption: Has a runbook/,
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Revoke the exemption',
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Revoke' }),
    );

    expect(flywheelApi.revokeScorecardExemption).toHaveBeenCalledWith(
      'ex-2',
      {},
    );
  });

  it('explains a refused decision and keeps the note', async () => {
    const error = await responseError(403, 'NotAllowedError', 'Unauthorized');
    renderList({
      canDecide: true,
      flywheelApi: mockFlywheelApi({
        decideScorecardExemption: jest.fn().mockRejectedValue(error),
      }),
    });

    await userEvent.click(
      await screen.findByRole('button', { name: /^Reject exemption/ }),
    );
    const dialog = await screen.findByRole('dialog');
    const note = within(dialog).getByRole('textbox', {
      name: /Reason for rejecting/,
    });
    await userEvent.type(note, 'Not now');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reject' }),
    );

    expect(
      await within(dialog).findByText(
        /needs the permission flywheel\.scorecards\.exemption\.decide/,
      ),
    ).toBeInTheDocument();
    expect(note).toHaveValue('Not now');
  });

  it('links each exemption to its entity in team views', async () => {
    renderList({ showEntity: true });

    const pending = await screen.findByRole('listitem', {
      name: /On the current golden-path version/,
    });
    expect(
      within(pending).getByRole('link', { name: 'checkout-api' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-api/scorecards?scorecard=golden-path-adoption',
    );
  });

  it('says when there is nothing to show', async () => {
    renderInTestApp(
      <ExemptionList
        exemptions={[]}
        scorecards={scorecardsResponse.items}
        onChanged={jest.fn()}
        aria-label="Exemptions"
        emptyText="No exemptions."
      />,
    );

    expect(await screen.findByText('No exemptions.')).toBeInTheDocument();
  });
});
