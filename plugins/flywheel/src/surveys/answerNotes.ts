import { formatDateTime, formatDay } from '../shared/format';

/** When answers were given: a day ("Nov 20, 2026") or a time with the day. */
export function formatAnsweredAt(answeredAt: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(answeredAt)
    ? formatDay(answeredAt, { withYear: true })
    : formatDateTime(answeredAt);
}

/** What an identified respondent can do with their answer, and until when. */
export function identifiedNote(options: {
  closesAt: string;
  /** When the earlier answers were given, if known. */
  answeredAt?: string;
  /** Whether there are earlier answers at all. */
  answeredBefore: boolean;
}): string {
  const until = formatDateTime(options.closesAt);
  if (options.answeredAt) {
    return `You answered on ${formatAnsweredAt(
      options.answeredAt,
    )} — you can change your answer until ${until}.`;
  }
  if (options.answeredBefore) {
    return `You already answered this survey — you can change your answer until ${until}.`;
  }
  return `Open until ${until}. You can change your answer until then.`;
}

/**
 * What an anonymous respondent can do with their answer: change it while
 * the wave is open, but only from the browser that keeps its receipt.
 */
export function anonymousNote(options: {
  closesAt: string;
  /** When this browser's receipted answer was given, if it has one. */
  answeredAt?: string;
  /** Whether this browser can keep a receipt beyond this page. */
  canKeepReceipt: boolean;
}): string {
  const until = formatDateTime(options.closesAt);
  if (options.answeredAt) {
    const answered = `You answered on ${formatAnsweredAt(options.answeredAt)}.`;
    return options.canKeepReceipt
      ? `${answered} Your answers are anonymous; this browser keeps a receipt so you can change them until ${until}.`
      : `${answered} Your answers are anonymous; this browser cannot keep a receipt, so you can change them only until you leave this page (and at the latest until ${until}).`;
  }
  return options.canKeepReceipt
    ? `Your answers are stored without your name, so they can be changed later only from this browser, until ${until}.`
    : 'Your answers are stored without your name, and this browser cannot keep the receipt needed to change them, so they cannot be changed once you leave this page.';
}
