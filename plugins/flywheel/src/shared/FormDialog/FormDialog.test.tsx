import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, TextField } from '@backstage/ui';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { FormDialog } from './FormDialog';

function renderDialog(props: Partial<Parameters<typeof FormDialog>[0]> = {}) {
  const onSubmit = jest.fn();
  const onOpenChange = jest.fn();
  render(
    <FormDialog
      isOpen
      onOpenChange={onOpenChange}
      title="Rename the team"
      intro="The new name shows everywhere."
      submitLabel="Rename"
      onSubmit={onSubmit}
      submitting={false}
      errorTitle="Not renamed"
      {...props}
    >
      <TextField label="Name" />
    </FormDialog>,
  );
  return { onSubmit, onOpenChange };
}

describe('FormDialog', () => {
  it('names the dialog by its title and submits with the button', async () => {
    const { onSubmit, onOpenChange } = renderDialog();

    const dialog = screen.getByRole('dialog', { name: 'Rename the team' });
    expect(screen.getByText('The new name shows everywhere.')).toBeVisible();
    expect(screen.getByRole('textbox', { name: 'Name' })).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
    await expectNoAxeViolations(dialog);

    await userEvent.click(screen.getByRole('button', { name: 'Rename' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onOpenChange).not.toHaveBeenCalled();
  });

  it('submits with Enter in a field, without reloading the page', async () => {
    const { onSubmit } = renderDialog();

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Name' }),
      'Platform{Enter}',
    );
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('closes with Cancel', async () => {
    const { onSubmit, onOpenChange } = renderDialog();

    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('waits while submitting: Cancel disabled, a second submit ignored', async () => {
    const { onSubmit, onOpenChange } = renderDialog({ submitting: true });

    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Name' }),
      'Platform{Enter}',
    );
    await userEvent.click(screen.getByRole('button', { name: /Rename/ }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(onOpenChange).not.toHaveBeenCalled();
  });

  it('shows why the last submit failed, under its title', async () => {
    renderDialog({ error: 'The name is taken' });

    const dialog = screen.getByRole('dialog');
    expect(screen.getByText('Not renamed')).toBeVisible();
    expect(screen.getByText('The name is taken')).toBeVisible();
    await expectNoAxeViolations(dialog);
  });

  it('does not submit while the submit button is disabled', async () => {
    const { onSubmit } = renderDialog({ submitDisabled: true });

    expect(screen.getByRole('button', { name: 'Rename' })).toBeDisabled();
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Name' }),
      'Platform{Enter}',
    );
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('puts further actions before Cancel and waits for them too', async () => {
    const { onSubmit } = renderDialog({
      actions: <Button variant="tertiary">Reset</Button>,
      actionPending: true,
    });

    const buttons = screen
      .getAllByRole('button')
      .map(b => b.textContent?.trim());
    expect(buttons.indexOf('Reset')).toBeLessThan(buttons.indexOf('Cancel'));
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Rename' })).toBeDisabled();
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Name' }),
      'Platform{Enter}',
    );
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
