import { render, screen } from '@testing-library/react';
import { platformNpsResults } from '../__testUtils__/surveyAdminData';
import { CsatResult } from './CsatResult';

describe('CsatResult', () => {
  it('shows the CSAT with its interval and the answers per score', () => {
    render(<CsatResult csat={platformNpsResults.questions[1].csat!} />);

    expect(screen.getByText('75% ± 13')).toBeInTheDocument();
    expect(screen.getByText('30 of 40 answered 4 or 5.')).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Answers per score, 1 to 5: 1: 2, 2: 3, 3: 5, 4: 18, 5: 12',
      }),
    ).toBeInTheDocument();
  });
});
