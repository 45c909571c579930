import type { OpeningHours } from '../dataProvider';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "HH:MM" on a 24-hour clock. */
export const isTime = (value: unknown): boolean => typeof value === 'string' && TIME.test(value);

/** The i18n key of what is wrong with one day's hours, or undefined. */
export function openingHoursError(hours: Partial<OpeningHours> | undefined): string | undefined {
  if (!hours) return undefined;
  if (!isTime(hours.opens) || !isTime(hours.closes)) return 'mop.stores.time_format';
  if (String(hours.closes) <= String(hours.opens)) return 'mop.stores.closes_after_opens';
  return undefined;
}

/** Monday first, one line per weekday: what the store page shows. */
export function sortedHours(hours: OpeningHours[] | null | undefined): OpeningHours[] {
  return [...(hours ?? [])].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
}
