import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { SurveyPrompt } from '@flywheel/plugin-flywheel-common';
import { everyTypePrompt, npsPrompt } from '../__testUtils__/respondData';
import { SurveyForm, SurveyFormProps } from './SurveyForm';

function renderForm(
  prompt: SurveyPrompt,
  props: Partial<SurveyFormProps> = {},
) {
  const onSubmit = jest.fn().mockResolvedValue(undefined);
  const onChange = jest.fn();
  renderInTestApp(
    <SurveyForm
      prompt={prompt}
      onSubmit={onSubmit}
      onChange={onChange}
      {...props}
    />,
  );
  return { onSubmit, onChange };
}

const scale = (name: string) => screen.getByRole('radiogroup', { name });

describe('SurveyForm', () => {
  it('operates the NPS scale with the keyboard and asks why after a score', async () => {
    const { onSubmit } = renderForm(npsPrompt);

    const group = await screen.findByRole('radiogroup', {
      name: 'How likely are you to recommend Backstage to a colleague?',
    });
    const scores = within(group).getAllByRole('radio');
    expect(scores).toHaveLength(11);
    expect(
      within(group).getByRole('radio', { name: '0 – Not at all likely' }),
    ).toBe(scores[0]);
    expect(
      within(group).getByRole('radio', { name: '10 – Extremely likely' }),
    ).toBe(scores[10]);
    // No follow-up until there is a score.
    expect(screen.queryByRole('textbox', { name: 'Why?' })).toBeNull();

    await userEvent.tab();
    expect(scores[0]).toHaveFocus();
    for (let i = 0; i < 8; i++) {
      await userEvent.keyboard('{ArrowRight}');
    }
    await userEvent.keyboard('{ArrowLeft}');
    expect(scores[7]).toHaveFocus();
    await userEvent.keyboard(' ');
    expect(scores[7]).toHaveAttribute('aria-checked', 'true');
    expect(scores[8]).toHaveAttribute('aria-checked', 'false');

    // Tab leaves the scale for the follow-up that appeared.
    await userEvent.tab();
    const why = screen.getByRole('textbox', { name: 'Why?' });
    expect(why).toHaveFocus();
    await userEvent.keyboard('Fast builds');
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));

    expect(onSubmit).toHaveBeenCalledWith([
      { questionId: 'recommend', value: 7, comment: 'Fast builds' },
    ]);
  });

  it('produces the answers of every question type', async () => {
    const { onSubmit } = renderForm(everyTypePrompt);

    await userEvent.click(
      within(
        await screen.findByRole('radiogroup', {
          name: /recommend the platform/,
        }),
      ).getByRole('radio', { name: '9' }),
    );
    await userEvent.type(
      screen.getByRole('textbox', {
        name: 'What is the main reason for your score?',
      }),
      '  Golden paths save me days  ',
    );
    const csat = scale('How satisfied are you with the golden paths?');
    expect(
      within(csat)
        .getAllByRole('radio')
        .map(r => r.ariaLabel),
    ).toEqual([
      '1 – Very dissatisfied',
      '2 – Dissatisfied',
      '3 – Neither satisfied nor dissatisfied',
      '4 – Satisfied',
      '5 – Very satisfied',
    ]);
    await userEvent.click(
      within(csat).getByRole('radio', { name: '4 – Satisfied' }),
    );
    const rating = scale('How easy is it to find documentation?');
    expect(within(rating).getAllByRole('radio')).toHaveLength(7);
    expect(
      within(rating).getByRole('radio', { name: '1 – Very hard' }),
    ).toBeInTheDocument();
    await userEvent.click(
      within(rating).getByRole('radio', { name: '7 – Very easy' }),
    );
    await userEvent.click(screen.getByRole('radio', { name: 'SRE' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'TechDocs' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Catalog' }));
    await userEvent.type(
      screen.getByRole('textbox', { name: 'What should we improve first?' }),
      'Faster CI',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));

    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0][0]).toEqual([
      {
        questionId: 'recommend',
        value: 9,
        comment: 'Golden paths save me days',
      },
      { questionId: 'satisfaction', value: 4 },
      { questionId: 'docs', value: 7 },
      { questionId: 'role', value: 'SRE' },
      // In the survey's order, not the order they were ticked.
      { questionId: 'tools', value: ['Catalog', 'TechDocs'] },
      { questionId: 'improve', value: 'Faster CI' },
    ]);
  });

  it('blocks submit until the required questions are answered', async () => {
    const { onSubmit } = renderForm(everyTypePrompt);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Submit' }),
    );

    expect(onSubmit).not.toHaveBeenCalled();
    expect(
      screen.getByText('3 required questions have no answer yet.'),
    ).toBeInTheDocument();
    // nps and csat are required by default, the role question says so.
    expect(screen.getAllByText('This question needs an answer.')).toHaveLength(
      3,
    );
    expect(
      scale('How likely are you to recommend the platform to a colleague?'),
    ).toHaveAccessibleDescription('This question needs an answer.');
    // The first question without an answer gets the focus.
    expect(
      within(
        scale('How likely are you to recommend the platform to a colleague?'),
      ).getAllByRole('radio')[0],
    ).toHaveFocus();

    await userEvent.click(
      within(
        scale('How likely are you to recommend the platform to a colleague?'),
      ).getByRole('radio', { name: '10 – Extremely likely' }),
    );
    await userEvent.click(
      within(scale('How satisfied are you with the golden paths?')).getByRole(
        'radio',
        { name: '2 – Dissatisfied' },
      ),
    );
    expect(
      screen.getByText('One required question has no answer yet.'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('radiogroup', { name: 'What is your role?' }),
    ).toHaveAccessibleDescription('This question needs an answer.');
    await userEvent.click(screen.getByRole('radio', { name: 'Backend' }));
    expect(screen.queryByText('This question needs an answer.')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));

    // Optional questions left out of the answers.
    expect(onSubmit).toHaveBeenCalledWith([
      { questionId: 'recommend', value: 10 },
      { questionId: 'satisfaction', value: 2 },
      { questionId: 'role', value: 'Backend' },
    ]);
  });

  it('requires choices and text when the survey says so', async () => {
    const { onSubmit } = renderForm({
      ...everyTypePrompt,
      questions: everyTypePrompt.questions
        .filter(q => ['tools', 'improve'].includes(q.id))
        .map(q => ({ ...q, required: true })),
    });

    const text = await screen.findByRole('textbox', {
      name: 'What should we improve first?',
    });
    await userEvent.type(text, '   ');
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getAllByText('This question needs an answer.')).toHaveLength(
      2,
    );
    expect(text).toHaveAttribute('aria-invalid', 'true');
    expect(
      screen.getByRole('group', { name: 'Which tools do you use every week?' }),
    ).toHaveAccessibleDescription('This question needs an answer.');

    await userEvent.click(screen.getByRole('checkbox', { name: 'Search' }));
    await userEvent.type(text, 'Search');
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));
    expect(onSubmit).toHaveBeenCalledWith([
      { questionId: 'tools', value: ['Search'] },
      { questionId: 'improve', value: 'Search' },
    ]);
  });

  it('fills in previous answers and shows free text as plain text', async () => {
    const { onSubmit } = renderForm({
      ...everyTypePrompt,
      questions: [
        { ...everyTypePrompt.questions[0], title: 'Score <b>x</b>' },
        ...everyTypePrompt.questions.slice(1),
      ],
      previousAnswers: [
        { questionId: 'recommend', value: 6, comment: '<b>x</b>' },
        { questionId: 'satisfaction', value: 3 },
        { questionId: 'role', value: 'Frontend' },
        { questionId: 'tools', value: ['Search', 'Scaffolder'] },
        { questionId: 'improve', value: '<script>alert(1)</script>' },
      ],
    });

    const nps = await screen.findByRole('radiogroup', {
      name: 'Score <b>x</b>',
    });
    expect(document.querySelector('b')).toBeNull();
    expect(within(nps).getByRole('radio', { name: '6' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    expect(
      screen.getByRole('textbox', {
        name: 'What is the main reason for your score?',
      }),
    ).toHaveValue('<b>x</b>');
    expect(
      within(scale('How satisfied are you with the golden paths?')).getByRole(
        'radio',
        { name: '3 – Neither satisfied nor dissatisfied' },
      ),
    ).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByRole('radio', { name: 'Frontend' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Search' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Scaffolder' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Catalog' })).not.toBeChecked();
    expect(
      screen.getByRole('textbox', { name: 'What should we improve first?' }),
    ).toHaveValue('<script>alert(1)</script>');

    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));
    expect(onSubmit).toHaveBeenCalledWith([
      { questionId: 'recommend', value: 6, comment: '<b>x</b>' },
      { questionId: 'satisfaction', value: 3 },
      { questionId: 'role', value: 'Frontend' },
      { questionId: 'tools', value: ['Scaffolder', 'Search'] },
      { questionId: 'improve', value: '<script>alert(1)</script>' },
    ]);
  });

  it('limits free text to 5000 characters and counts them', async () => {
    renderForm(everyTypePrompt);

    const text = await screen.findByRole('textbox', {
      name: 'What should we improve first?',
    });
    expect(text).toHaveAttribute('maxLength', '5000');
    expect(text).toHaveAccessibleDescription('0 / 5000 characters');
    await userEvent.type(text, 'Docs');
    expect(text).toHaveAccessibleDescription('4 / 5000 characters');
  });

  it('starts compact with the first question and expands once it is answered', async () => {
    const { onSubmit, onChange } = renderForm(npsPrompt, { compact: true });

    const group = await screen.findByRole('radiogroup', {
      name: /recommend Backstage/,
    });
    expect(
      screen.queryByRole('textbox', { name: 'Anything else?' }),
    ).toBeNull();
    expect(screen.queryByRole('button', { name: 'Submit' })).toBeNull();

    await userEvent.click(within(group).getByRole('radio', { name: '3' }));

    expect(onChange).toHaveBeenLastCalledWith([
      { questionId: 'recommend', value: 3 },
    ]);
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Anything else?' }),
      ' more docs',
    );
    expect(onChange).toHaveBeenLastCalledWith([
      { questionId: 'recommend', value: 3 },
      // Drafts keep what was typed, blanks included.
      { questionId: 'improve', value: ' more docs' },
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));
    expect(onSubmit).toHaveBeenCalledWith([
      { questionId: 'recommend', value: 3 },
      { questionId: 'improve', value: 'more docs' },
    ]);
  });

  it('starts from a draft instead of the previous answers', async () => {
    renderForm(
      {
        ...npsPrompt,
        previousAnswers: [{ questionId: 'recommend', value: 2 }],
      },
      {
        compact: true,
        initialAnswers: [
          { questionId: 'recommend', value: 9 },
          { questionId: 'improve', value: 'unsent' },
        ],
      },
    );

    const group = await screen.findByRole('radiogroup', {
      name: /recommend Backstage/,
    });
    expect(within(group).getByRole('radio', { name: '9' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    // Already answered, so not compact any more.
    expect(screen.getByRole('textbox', { name: 'Anything else?' })).toHaveValue(
      'unsent',
    );
  });
});
