import { formatDateTime } from '../shared/format';
import { anonymousNote, formatAnsweredAt, identifiedNote } from './answerNotes';

const closesAt = '2026-12-01T17:00:00Z';
const until = formatDateTime(closesAt);

describe('answerNotes', () => {
  it('formats a day without a time and a time with its day', () => {
    expect(formatAnsweredAt('2026-11-20')).toBe('Nov 20, 2026');
    expect(formatAnsweredAt('2026-11-20T09:30:00Z')).toBe(
      formatDateTime('2026-11-20T09:30:00Z'),
    );
  });

  it('says when an identified respondent answered, when it is known', () => {
    expect(
      identifiedNote({
        closesAt,
        answeredAt: '2026-11-20',
        answeredBefore: true,
      }),
    ).toBe(
      `You answered on Nov 20, 2026 — you can change your answer until ${until}.`,
    );
    expect(identifiedNote({ closesAt, answeredBefore: true })).toBe(
      `You already answered this survey — you can change your answer until ${until}.`,
    );
    expect(identifiedNote({ closesAt, answeredBefore: false })).toBe(
      `Open until ${until}. You can change your answer until then.`,
    );
  });

  it('says anonymous answers can be changed only from the browser with the receipt', () => {
    expect(
      anonymousNote({
        closesAt,
        answeredAt: '2026-11-20T09:30:00Z',
        canKeepReceipt: true,
      }),
    ).toBe(
      `You answered on ${formatDateTime(
        '2026-11-20T09:30:00Z',
      )}. Your answers are anonymous; this browser keeps a receipt so you can change them until ${until}.`,
    );
    expect(anonymousNote({ closesAt, canKeepReceipt: true })).toBe(
      `Your answers are stored without your name, so they can be changed later only from this browser, until ${until}.`,
    );
    expect(anonymousNote({ closesAt, canKeepReceipt: false })).toMatch(
      /cannot be changed once you leave this page/,
    );
    expect(
      anonymousNote({
        closesAt,
        answeredAt: '2026-11-20',
        canKeepReceipt: false,
      }),
    ).toMatch(/only until you leave this page/);
  });
});
