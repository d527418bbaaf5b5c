import { render, screen } from '@testing-library/react';
import { getLocalTimeZone, today } from '@internationalized/date';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import {
  ExpiresOnField,
  expiryError,
  expiryInstant,
  expiryRange,
} from './ExpiresOnField';

const MESSAGES = {
  missing: 'Choose a day.',
  tooEarly: 'After today.',
  tooLate: 'Too far.',
};

describe('ExpiresOnField', () => {
  const now = today(getLocalTimeZone());

  it('takes the days from tomorrow, up to a limit when there is one', () => {
    expect(expiryRange().minValue.compare(now.add({ days: 1 }))).toBe(0);
    expect(expiryRange().maxValue).toBeUndefined();
    expect(expiryRange(30).maxValue.compare(now.add({ days: 30 }))).toBe(0);
  });

  it('says why a day cannot be taken', () => {
    const range = expiryRange(30);
    expect(expiryError(null, range, MESSAGES)).toBe('Choose a day.');
    expect(expiryError(null, range, { tooEarly: 'After today.' })).toBe(
      undefined,
    );
    expect(expiryError(now, range, MESSAGES)).toBe('After today.');
    expect(expiryError(now.add({ days: 31 }), range, MESSAGES)).toBe(
      'Too far.',
    );
    expect(expiryError(now.add({ days: 1 }), range, MESSAGES)).toBe(undefined);
    expect(expiryError(now.add({ days: 30 }), range, MESSAGES)).toBe(undefined);
  });

  it('ends when the day begins in the local zone', () => {
    const day = now.add({ days: 2 });
    expect(expiryInstant(day)).toBe(
      day.toDate(getLocalTimeZone()).toISOString(),
    );
  });

  it('is a labelled date field that shows the error it is given', async () => {
    const { container } = render(
      <ExpiresOnField
        value={now}
        onChange={jest.fn()}
        description="The waiver ends when this day begins."
        range={expiryRange()}
        error="The waiver must end after today."
      />,
    );

    expect(
      screen.getByRole('group', { name: /Expires on/ }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('The waiver must end after today.'),
    ).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });
});
