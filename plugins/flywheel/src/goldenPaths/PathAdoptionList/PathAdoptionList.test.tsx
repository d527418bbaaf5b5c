import { render, screen, within } from '@testing-library/react';
import { PathAdoptionList } from './PathAdoptionList';
import { paymentsAdoption } from '../../__testUtils__/testData';

describe('PathAdoptionList', () => {
  it('lists the count and share of every path', () => {
    render(<PathAdoptionList paths={paymentsAdoption.paths} />);

    const items = within(
      screen.getByRole('list', { name: 'Adoption per golden path' }),
    ).getAllByRole('listitem');
    expect(items.map(item => item.textContent)).toEqual([
      'TypeScript HTTP service2 components · 66.7%',
      'React web app0 components · 0%',
    ]);
  });

  it('explains an empty list', () => {
    render(<PathAdoptionList paths={[]} />);

    expect(
      screen.getByText('No golden paths are defined yet.'),
    ).toBeInTheDocument();
  });
});
