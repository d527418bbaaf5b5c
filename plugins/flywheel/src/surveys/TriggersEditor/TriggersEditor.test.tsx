import { useState } from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { SurveyTrigger } from '@flywheel/plugin-flywheel-common';
import { TriggersEditor } from './TriggersEditor';

function Harness(props: {
  onChange: (t: SurveyTrigger[]) => void;
  initial?: SurveyTrigger[];
}) {
  const [triggers, setTriggers] = useState<SurveyTrigger[]>(
    props.initial ?? [{ type: 'wave-open' }],
  );
  return (
    <TriggersEditor
      triggers={triggers}
      onChange={t => {
        setTriggers(t);
        props.onChange(t);
      }}
    />
  );
}

describe('TriggersEditor', () => {
  it('adds an event trigger with a known event', async () => {
    const onChange = jest.fn();
    renderInTestApp(<Harness onChange={onChange} />);

    await userEvent.click(screen.getByRole('button', { name: 'Add trigger' }));
    expect(onChange).toHaveBeenLastCalledWith([
      { type: 'wave-open' },
      { type: 'event', event: '' },
    ]);
    await userEvent.click(screen.getByRole('button', { name: /Event$/ }));
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      expect.stringContaining('scaffolder.run.completed'),
      expect.stringContaining('deployment.first-production'),
    ]);
    await userEvent.click(options[1]);
    expect(onChange).toHaveBeenLastCalledWith([
      { type: 'wave-open' },
      { type: 'event', event: 'deployment.first-production' },
    ]);
  });

  it('turns a trigger into a route trigger with a path prefix', async () => {
    const onChange = jest.fn();
    renderInTestApp(<Harness onChange={onChange} />);

    await userEvent.click(screen.getByRole('button', { name: /Trigger 1$/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'On visiting a page' }),
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: /^Path prefix/ }),
      'create',
    );
    expect(onChange).toHaveBeenLastCalledWith([
      { type: 'route', pathPrefix: '/create' },
    ]);
  });

  it('says what happens without triggers', async () => {
    const onChange = jest.fn();
    renderInTestApp(<Harness onChange={onChange} />);

    await userEvent.click(
      screen.getByRole('button', { name: 'Remove trigger 1' }),
    );
    expect(onChange).toHaveBeenLastCalledWith([]);
    expect(
      screen.getByText(/No trigger: people in the audience are asked/),
    ).toBeInTheDocument();
  });
});
