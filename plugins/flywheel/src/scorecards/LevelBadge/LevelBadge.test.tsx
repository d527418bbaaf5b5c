import { render, screen } from '@testing-library/react';
import { goldenPathScorecard } from '../../__testUtils__/testData';
import { LevelBadge } from './LevelBadge';

describe('LevelBadge', () => {
  it('names the level for everyone', () => {
    const { container } = render(
      <LevelBadge scorecard={goldenPathScorecard} level="silver" />,
    );

    expect(container).toHaveTextContent('Level: Silver');
    expect(screen.getByText('Silver')).toHaveAttribute('data-tone', 'silver');
  });

  it('says "No level" when none is reached', () => {
    const { container } = render(
      <LevelBadge scorecard={goldenPathScorecard} level={undefined} />,
    );

    expect(container).toHaveTextContent('Level: No level');
  });
});
