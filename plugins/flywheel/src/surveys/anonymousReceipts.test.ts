import {
  AnonymousReceipt,
  canKeepReceipts,
  pruneReceipts,
  readReceipt,
  receiptKey,
  saveReceipt,
} from './anonymousReceipts';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

function receipt(overrides: Partial<AnonymousReceipt> = {}): AnonymousReceipt {
  return {
    editToken: 'k3P0x9Qm7ZrT2vWb8yLc4dNf6hJs1aEg5uIo0pRq_-A',
    answers: [{ questionId: 'recommend', value: 8, comment: 'Fast builds' }],
    answeredAt: '2026-11-24T09:30:00.000Z',
    closesAt: '2026-12-01T17:00:00Z',
    ...overrides,
  };
}

describe('anonymousReceipts', () => {
  beforeEach(() => window.localStorage.clear());
  afterEach(() => jest.restoreAllMocks());

  it('keeps a receipt per wave and reads it back', () => {
    expect(saveReceipt('wave-1', receipt(), NOW)).toBe(true);

    expect(window.localStorage.getItem(receiptKey('wave-1'))).not.toBeNull();
    expect(receiptKey('wave-1')).toBe('flywheel.surveys.receipt.wave-1');
    expect(readReceipt('wave-1', NOW)).toEqual(receipt());
    expect(readReceipt('wave-2', NOW)).toBeUndefined();

    // A later answer replaces the receipt of the wave.
    const changed = receipt({
      answers: [{ questionId: 'recommend', value: 9 }],
    });
    saveReceipt('wave-1', changed, NOW);
    expect(readReceipt('wave-1', NOW)).toEqual(changed);
  });

  it('drops the receipts of closed waves and damaged ones when reading', () => {
    saveReceipt('open', receipt(), NOW);
    saveReceipt('closing', receipt({ closesAt: '2026-11-26T00:00:00Z' }), NOW);
    window.localStorage.setItem(receiptKey('damaged'), '{not json');
    window.localStorage.setItem(
      receiptKey('incomplete'),
      JSON.stringify({ answers: [] }),
    );
    window.localStorage.setItem('someone.else', 'untouched');

    // A day later the second wave has closed.
    expect(readReceipt('closing', NOW + DAY)).toBeUndefined();

    expect(window.localStorage.getItem(receiptKey('closing'))).toBeNull();
    expect(window.localStorage.getItem(receiptKey('damaged'))).toBeNull();
    expect(window.localStorage.getItem(receiptKey('incomplete'))).toBeNull();
    expect(window.localStorage.getItem('someone.else')).toBe('untouched');
    expect(readReceipt('open', NOW + DAY)).toEqual(receipt());

    pruneReceipts(Date.parse('2026-12-01T17:00:00Z'));
    expect(window.localStorage.getItem(receiptKey('open'))).toBeNull();
  });

  it('does not keep receipts of closed waves or waves without a closing time', () => {
    expect(
      saveReceipt('closed', receipt({ closesAt: '2026-11-25T11:59:59Z' }), NOW),
    ).toBe(false);
    expect(saveReceipt('unknown', receipt({ closesAt: '' }), NOW)).toBe(false);

    expect(window.localStorage.length).toBe(0);
  });

  it('never throws when storage fails', () => {
    saveReceipt('wave-1', receipt(), NOW);
    const quota = () => {
      throw new DOMException(
        'The quota has been exceeded.',
        'QuotaExceededError',
      );
    };
    jest.spyOn(Storage.prototype, 'setItem').mockImplementation(quota);
    jest.spyOn(Storage.prototype, 'getItem').mockImplementation(quota);
    jest.spyOn(Storage.prototype, 'key').mockImplementation(quota);

    expect(saveReceipt('wave-2', receipt(), NOW)).toBe(false);
    expect(readReceipt('wave-1', NOW)).toBeUndefined();
    expect(() => pruneReceipts(NOW)).not.toThrow();
    expect(canKeepReceipts()).toBe(false);
  });

  it('never throws when storage is blocked altogether', () => {
    jest.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('Access is denied', 'SecurityError');
    });

    expect(saveReceipt('wave-1', receipt(), NOW)).toBe(false);
    expect(readReceipt('wave-1', NOW)).toBeUndefined();
    expect(canKeepReceipts()).toBe(false);
  });

  it('can keep receipts in ordinary storage, leaving nothing behind', () => {
    expect(canKeepReceipts()).toBe(true);
    expect(window.localStorage.length).toBe(0);
  });
});
