import { render, screen } from '@testing-library/react';
import { platformNpsResults } from '../__testUtils__/surveyAdminData';
import { NpsResult } from './NpsResult';

const nps = platformNpsResults.questions[0].nps!;

describe('NpsResult', () => {
  it('shows the NPS, the split into categories and the answers per score', () => {
    render(<NpsResult nps={nps} />);

    expect(screen.getByText('+24 ± 18')).toBeInTheDocument();
    expect(
      screen.getByText(/narrowed by the finite-population correction/),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('listitem').map(i => i.textContent)).toEqual([
      'Promoters (9–10): 20 (47.6%)',
      'Passives (7–8): 12 (28.6%)',
      'Detractors (0–6): 10 (23.8%)',
    ]);
    expect(
      screen.getByRole('img', { name: /^Answers per score, 0 to 10: 0: 1,/ }),
    ).toBeInTheDocument();
  });

  it('shows a census as exact, in words that say everyone answered', () => {
    render(
      <NpsResult
        nps={{
          ...nps,
          nps: { value: 23.8, low: 23.8, high: 23.8 },
          census: true,
        }}
      />,
    );

    expect(screen.getByText('+24')).toBeInTheDocument();
    expect(screen.queryByText(/±/)).toBeNull();
    expect(
      screen.getByText(/Everyone in the audience answered: this NPS is exact/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/95% interval: none, everyone answered/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/finite-population correction/)).toBeNull();
  });

  it('leaves out the correction note when it did not apply', () => {
    render(<NpsResult nps={{ ...nps, finitePopulationCorrected: false }} />);

    expect(screen.queryByText(/finite-population correction/)).toBeNull();
  });
});
