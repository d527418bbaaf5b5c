import { DatePicker } from '@backstage/ui';
import { CalendarDate, getLocalTimeZone, today } from '@internationalized/date';

/** The days something may expire on. */
export type ExpiryRange = { minValue: CalendarDate; maxValue?: CalendarDate };

/**
 * The days something may expire on, in the person's time zone: from
 * tomorrow on, and with `maxDays` no later than that many days from today.
 */
export function expiryRange(): ExpiryRange;
export function expiryRange(maxDays: number): Required<ExpiryRange>;
export function expiryRange(maxDays?: number): ExpiryRange {
  const now = today(getLocalTimeZone());
  return {
    minValue: now.add({ days: 1 }),
    ...(maxDays === undefined ? {} : { maxValue: now.add({ days: maxDays }) }),
  };
}

/**
 * Why an expiry day cannot be taken, in the words the caller gives for each
 * case; `missing` only for a required day.
 */
export function expiryError(
  expiry: CalendarDate | null,
  range: ExpiryRange,
  messages: { missing?: string; tooEarly: string; tooLate?: string },
): string | undefined {
  if (!expiry) {
    return messages.missing;
  }
  if (expiry.compare(range.minValue) < 0) {
    return messages.tooEarly;
  }
  if (range.maxValue && expiry.compare(range.maxValue) > 0) {
    return messages.tooLate;
  }
  return undefined;
}

/** The instant an expiry day begins in the person's zone, as ISO 8601. */
export function expiryInstant(day: CalendarDate): string {
  return day.toDate(getLocalTimeZone()).toISOString();
}

/**
 * The "Expires on" date field of a request: the days of `expiryRange`, and
 * the error of `expiryError` once the owner shows errors.
 */
export function ExpiresOnField(props: {
  value: CalendarDate | null;
  onChange: (value: CalendarDate | null) => void;
  description: string;
  range: ExpiryRange;
  isRequired?: boolean;
  /** The error to show, if any; undefined until the form was submitted. */
  error?: string;
}) {
  const { value, onChange, description, range, isRequired, error } = props;
  return (
    <DatePicker
      label="Expires on"
      description={description}
      isRequired={isRequired}
      value={value}
      onChange={day => onChange(day as CalendarDate | null)}
      minValue={range.minValue}
      maxValue={range.maxValue}
      validationBehavior="aria"
      validate={() => error}
    />
  );
}
