import { render, screen, within } from '@testing-library/react';
import { platformNpsResults } from '../__testUtils__/surveyAdminData';
import { QuestionResult } from './QuestionResult';

const [nps, , rating, choices, text] = platformNpsResults.questions;

describe('QuestionResult', () => {
  it('shows an NPS question with its follow-up count', () => {
    render(<QuestionResult question={nps} />);

    const card = screen.getByRole('region', { name: nps.title });
    expect(within(card).getByText('NPS · 42 answers')).toBeInTheDocument();
    expect(within(card).getByText('+24 ± 18')).toBeInTheDocument();
    expect(
      within(card).getByText(
        '17 people explained their score; see the comments.',
      ),
    ).toBeInTheDocument();
  });

  it('shows a rating as mean and distribution', () => {
    render(<QuestionResult question={rating} />);

    expect(screen.getByText('Mean 5.2')).toBeInTheDocument();
    expect(screen.getByText('on 1–7')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /^Answers per value: 1: 1, 2: 1,/ }),
    ).toBeInTheDocument();
  });

  it('shows choices as bars', () => {
    render(<QuestionResult question={choices} />);

    expect(
      screen.getByRole('list', { name: `Answers to ${choices.title}` }),
    ).toBeInTheDocument();
  });

  it('points text answers to the comments', () => {
    render(<QuestionResult question={text} />);

    expect(
      screen.getByText(/^11 people wrote an answer\./),
    ).toBeInTheDocument();
  });

  it('says when nobody answered', () => {
    render(<QuestionResult question={{ ...rating, responses: 0 }} />);

    expect(screen.getByText('No answers yet.')).toBeInTheDocument();
  });
});
