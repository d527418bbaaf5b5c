import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { FlywheelApi, flywheelApiRef } from '../../api';
import {
  ciDetail,
  CI_REF,
  docsAttestation,
  mockFlywheelApi,
  responseError,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { AttestDialog, isEvidenceUrl } from './AttestDialog';

const runbook = ciDetail.criteria.find(c => c.id === 'runbook')!;

function renderDialog(
  flywheelApi: jest.Mocked<FlywheelApi> = mockFlywheelApi(),
) {
  const onAttested = jest.fn();
  const onOpenChange = jest.fn();
  const rendered = renderInTestApp(
    <AttestDialog
      isOpen
      onOpenChange={onOpenChange}
      entityRef={CI_REF}
      stage={{ id: 'beta', title: 'Beta' }}
      criterion={runbook}
      onAttested={onAttested}
    />,
    { apis: [[flywheelApiRef, flywheelApi]] },
  );
  return { flywheelApi, onAttested, onOpenChange, rendered };
}

describe('AttestDialog', () => {
  it('attests a manual criterion with evidence and a note', async () => {
    const { flywheelApi, onAttested, onOpenChange, rendered } = renderDialog();
    await rendered;

    expect(
      await screen.findByRole('dialog', {
        name: 'Attest “Runbook and on-call rota”',
      }),
    ).toBeInTheDocument();
    await userEvent.type(
      screen.getByRole('textbox', { name: /Evidence URL/ }),
      'https://runbooks.example.com/ci',
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: /Note/ }),
      'Reviewed with the on-call team',
    );
    // The dialog itself: react-aria's live announcer, outside it, keeps
    // nodes labelled by options of closed lists.
    await expectNoAxeViolations(screen.getByRole('dialog'));
    await userEvent.click(screen.getByRole('button', { name: 'Attest' }));

    expect(flywheelApi.attestMaturityCriterion).toHaveBeenCalledWith(CI_REF, {
      stageId: 'beta',
      criterionId: 'runbook',
      evidenceUrl: 'https://runbooks.example.com/ci',
      note: 'Reviewed with the on-call team',
    });
    expect(onAttested).toHaveBeenCalledWith(docsAttestation);
    expect(onOpenChange).toHaveBeenCalledWith(false);
  });

  it('asks for an http(s) evidence URL and a note', async () => {
    const { flywheelApi } = renderDialog();

    await userEvent.type(
      await screen.findByRole('textbox', { name: /Evidence URL/ }),
      'runbooks/ci',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Attest' }));

    expect(
      await screen.findByText(
        'Enter the address of the evidence, starting with https://.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Say what the evidence shows.'),
    ).toBeInTheDocument();
    expect(flywheelApi.attestMaturityCriterion).not.toHaveBeenCalled();
  });

  it("shows the server's refusal and keeps what was typed", async () => {
    const { onOpenChange } = renderDialog(
      mockFlywheelApi({
        attestMaturityCriterion: jest
          .fn()
          .mockRejectedValue(
            await responseError(403, 'NotAllowedError', 'Unauthorized'),
          ),
      }),
    );

    const url = await screen.findByRole('textbox', { name: /Evidence URL/ });
    await userEvent.type(url, 'https://runbooks.example.com/ci');
    await userEvent.type(screen.getByRole('textbox', { name: /Note/ }), 'Done');
    await userEvent.click(screen.getByRole('button', { name: 'Attest' }));

    expect(
      await screen.findByText(
        /needs the permission flywheel\.maturity\.attest/,
      ),
    ).toBeInTheDocument();
    expect(url).toHaveValue('https://runbooks.example.com/ci');
    expect(onOpenChange).not.toHaveBeenCalledWith(false);
  });

  it('takes only http and https addresses as evidence', () => {
    expect(isEvidenceUrl('https://a.example.com/x')).toBe(true);
    expect(isEvidenceUrl('http://a.example.com')).toBe(true);
    expect(isEvidenceUrl('ftp://files.example.com/runbook')).toBe(false);
    expect(isEvidenceUrl('docs/runbook.md')).toBe(false);
  });
});
