import { SurveyAnswer } from '@flywheel/plugin-flywheel-common';

/**
 * What this browser keeps of an anonymous answer so that the person can
 * change it while the wave is open. The server stores only a hash of the
 * receipt and never who holds it: losing it means the answer can no longer
 * be changed, which is the price of anonymity.
 */
export interface AnonymousReceipt {
  /** The receipt the server returned; sending it back changes the answer. */
  editToken: string;
  /** The answers given, to fill the form in again. */
  answers: SurveyAnswer[];
  /** When they were given (ISO date-time). */
  answeredAt: string;
  /** When the wave closes: the receipt is of no use, and dropped, after. */
  closesAt: string;
}

const KEY_PREFIX = 'flywheel.surveys.receipt.';
const PROBE_KEY = `${KEY_PREFIX}probe`;

/** The localStorage key of a wave's receipt. */
export function receiptKey(waveId: string): string {
  return `${KEY_PREFIX}${waveId}`;
}

/** localStorage, or nothing when the browser does not let us have it. */
function storage(): Storage | undefined {
  try {
    return window.localStorage ?? undefined;
  } catch {
    // Blocked storage throws on access (e.g. a SecurityError).
    return undefined;
  }
}

function parse(text: string | null): AnonymousReceipt | undefined {
  if (!text) {
    return undefined;
  }
  try {
    const value = JSON.parse(text);
    if (
      value &&
      typeof value.editToken === 'string' &&
      value.editToken.length > 0 &&
      Array.isArray(value.answers) &&
      typeof value.answeredAt === 'string' &&
      typeof value.closesAt === 'string' &&
      Number.isFinite(Date.parse(value.closesAt))
    ) {
      return {
        editToken: value.editToken,
        answers: value.answers,
        answeredAt: value.answeredAt,
        closesAt: value.closesAt,
      };
    }
  } catch {
    // Not ours, or damaged: treated as no receipt.
  }
  return undefined;
}

function hasClosed(closesAt: string, now: number): boolean {
  return Date.parse(closesAt) <= now;
}

/** Drops the receipts of waves that have closed, and unreadable ones. */
export function pruneReceipts(now: number = Date.now()): void {
  const store = storage();
  if (!store) {
    return;
  }
  try {
    const keys: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(KEY_PREFIX) && key !== PROBE_KEY) {
        keys.push(key);
      }
    }
    for (const key of keys) {
      const receipt = parse(store.getItem(key));
      if (!receipt || hasClosed(receipt.closesAt, now)) {
        store.removeItem(key);
      }
    }
  } catch {
    // Nothing to do about storage that fails: the entries stay.
  }
}

/**
 * This browser's receipt for an answer to the wave, if it has one and the
 * wave is still open. Drops the receipts of closed waves on the way.
 */
export function readReceipt(
  waveId: string,
  now: number = Date.now(),
): AnonymousReceipt | undefined {
  pruneReceipts(now);
  const store = storage();
  if (!store) {
    return undefined;
  }
  try {
    const receipt = parse(store.getItem(receiptKey(waveId)));
    return receipt && !hasClosed(receipt.closesAt, now) ? receipt : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the receipt of an answer to the wave until the wave closes. False
 * when it could not be kept (no storage, storage full, or a wave without a
 * valid closing time or closed already); never throws.
 */
export function saveReceipt(
  waveId: string,
  receipt: AnonymousReceipt,
  now: number = Date.now(),
): boolean {
  if (
    !Number.isFinite(Date.parse(receipt.closesAt)) ||
    hasClosed(receipt.closesAt, now)
  ) {
    return false;
  }
  const store = storage();
  if (!store) {
    return false;
  }
  try {
    store.setItem(receiptKey(waveId), JSON.stringify(receipt));
    return true;
  } catch {
    // Full (quota) or disabled.
    return false;
  }
}

/** Whether this browser can keep receipts at all (not disabled or full). */
export function canKeepReceipts(): boolean {
  const store = storage();
  if (!store) {
    return false;
  }
  try {
    store.setItem(PROBE_KEY, '1');
    store.removeItem(PROBE_KEY);
    return true;
  } catch {
    return false;
  }
}
