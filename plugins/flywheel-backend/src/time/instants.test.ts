import { readDateTime } from './instants';

describe('readDateTime', () => {
  it('reads RFC 3339 date-times at the edges of their range, and forms luxon reads', () => {
    expect(readDateTime('2026-12-01T10:00:00Z')?.toISOString()).toBe(
      '2026-12-01T10:00:00.000Z',
    );
    expect(readDateTime('2026-12-01T10:00:00-23:59')?.toISOString()).toBe(
      '2026-12-02T09:59:00.000Z',
    );
    expect(readDateTime('0000-01-01T00:00:00Z')?.toISOString()).toBe(
      '0000-01-01T00:00:00.000Z',
    );
    expect(readDateTime('9999-12-31T23:59:59.999999999Z')?.toISOString()).toBe(
      '9999-12-31T23:59:59.999Z',
    );
    // Without an offset, UTC.
    expect(readDateTime('2026-12-01T10:00')?.toISOString()).toBe(
      '2026-12-01T10:00:00.000Z',
    );
  });

  it.each([
    '2026-02-30T00:00:00Z',
    '2026-12-01T24:00:00Z',
    '2026-12-01T10:00:00+24:00',
    '2026-12-31T23:59:60Z',
    'yesterday',
    '',
  ])('is undefined for %p', value => {
    expect(readDateTime(value)).toBeUndefined();
  });
});
