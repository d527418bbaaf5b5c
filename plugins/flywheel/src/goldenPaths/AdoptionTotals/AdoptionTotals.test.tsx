import { render, screen } from '@testing-library/react';
import { goldenPathsResponse, statValue } from '../../__testUtils__/testData';
import { AdoptionTotals } from './AdoptionTotals';

describe('AdoptionTotals', () => {
  it('shows components, golden-path components and the adoption share', () => {
    render(<AdoptionTotals totals={goldenPathsResponse.totals} />);

    const totals = screen.getByLabelText('Golden-path adoption totals');
    expect(statValue(totals, 'Components')).toBe('14');
    expect(statValue(totals, 'From golden paths')).toBe('8');
    expect(statValue(totals, 'Overall adoption')).toBe('57.1%');
  });
});
