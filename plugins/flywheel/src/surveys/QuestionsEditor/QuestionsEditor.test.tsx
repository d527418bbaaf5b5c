import { useState } from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { SurveyQuestion } from '@flywheel/plugin-flywheel-common';
import { QuestionsEditor } from './QuestionsEditor';

const initial: SurveyQuestion[] = [
  { id: 'nps', type: 'nps', title: 'Recommend?', followUp: 'Why?' },
  { id: 'docs', type: 'csat', title: 'Docs?' },
];

function Harness(props: {
  onChange: (q: SurveyQuestion[]) => void;
  isDisabled?: boolean;
}) {
  const [questions, setQuestions] = useState(initial);
  return (
    <QuestionsEditor
      questions={questions}
      isDisabled={props.isDisabled}
      onChange={q => {
        setQuestions(q);
        props.onChange(q);
      }}
    />
  );
}

function titles() {
  return screen
    .getAllByRole('textbox', { name: /^Question/ })
    .map(t => (t as HTMLInputElement).value);
}

describe('QuestionsEditor', () => {
  it('adds, reorders and removes questions', async () => {
    const onChange = jest.fn();
    renderInTestApp(<Harness onChange={onChange} />);

    await userEvent.click(screen.getByRole('button', { name: 'Add question' }));
    expect(onChange).toHaveBeenLastCalledWith([
      ...initial,
      { id: 'question-3', type: 'csat', title: '' },
    ]);
    await userEvent.type(
      screen.getAllByRole('textbox', { name: /^Question/ })[2],
      'Tools?',
    );
    expect(titles()).toEqual(['Recommend?', 'Docs?', 'Tools?']);

    await userEvent.click(
      screen.getByRole('button', { name: 'Move up: question 3' }),
    );
    expect(titles()).toEqual(['Recommend?', 'Tools?', 'Docs?']);
    expect(
      screen.getByRole('button', { name: 'Move up: question 1' }),
    ).toBeDisabled();

    await userEvent.click(
      screen.getByRole('button', { name: 'Remove question 1' }),
    );
    expect(titles()).toEqual(['Tools?', 'Docs?']);
  });

  it('gives each type its own fields', async () => {
    const onChange = jest.fn();
    renderInTestApp(<Harness onChange={onChange} />);

    const first = screen.getByRole('group', { name: 'Question 1' });
    expect(
      within(first).getByRole('textbox', { name: /^Follow-up question/ }),
    ).toHaveValue('Why?');

    const second = screen.getByRole('group', { name: 'Question 2' });
    await userEvent.click(
      within(second).getByRole('button', { name: /Type$/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'Single choice' }),
    );
    expect(onChange).toHaveBeenLastCalledWith([
      initial[0],
      { id: 'docs', type: 'single-choice', title: 'Docs?', options: ['', ''] },
    ]);
    const options = within(second).getByRole('textbox', { name: /^Options/ });
    await userEvent.clear(options);
    await userEvent.type(options, 'Yes{Enter}No');
    expect(onChange).toHaveBeenLastCalledWith([
      initial[0],
      expect.objectContaining({ options: ['Yes', 'No'] }),
    ]);

    await userEvent.click(
      within(second).getByRole('button', { name: /Type$/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'Rating scale' }),
    );
    expect(
      within(second).getByRole('textbox', { name: /^Lowest value/ }),
    ).toHaveValue('1');
    expect(
      within(second).getByRole('textbox', { name: /^Highest value/ }),
    ).toHaveValue('5');
  });

  it('disables everything when the questions are locked', () => {
    renderInTestApp(<Harness onChange={jest.fn()} isDisabled />);

    expect(screen.getByRole('button', { name: 'Add question' })).toBeDisabled();
    for (const field of screen.getAllByRole('textbox')) {
      expect(field).toBeDisabled();
    }
    expect(
      screen.getAllByRole('checkbox', { name: 'Answer required' })[0],
    ).toBeDisabled();
  });
});
