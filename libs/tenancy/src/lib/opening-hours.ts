import { BadUserInputError } from '@mop/api-kit';
import type { Prisma, Store } from '@mop/data-access';
import type { OpeningHoursType, StoreType } from './tenancy.types';

export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A closing time may also be the end of the day. */
export const CLOSING_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/**
 * Checks what the field validators cannot see — each interval opens before it closes, and the
 * intervals of one weekday do not overlap — and returns them in weekday and time order.
 * "HH:MM" strings compare in time order, so no parsing is needed.
 */
export function normalizeOpeningHours(hours: readonly OpeningHoursType[]): OpeningHoursType[] {
  hours.forEach((h, i) => {
    if (h.opens >= h.closes) throw new BadUserInputError(`openingHours.${i}.closes`, `On weekday ${h.weekday} the store must close after it opens.`);
  });
  const sorted = hours.map(({ weekday, opens, closes }) => ({ weekday, opens, closes })).sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
  for (let i = 1; i < sorted.length; i += 1) {
    const [prev, cur] = [sorted[i - 1], sorted[i]];
    if (prev.weekday === cur.weekday && cur.opens < prev.closes) {
      throw new BadUserInputError('openingHours', `On weekday ${cur.weekday} the opening hours ${prev.opens}–${prev.closes} and ${cur.opens}–${cur.closes} overlap.`);
    }
  }
  return sorted;
}

export function openingHoursJson(hours: OpeningHoursType[]): Prisma.InputJsonValue {
  return hours as unknown as Prisma.InputJsonValue;
}

/** A store row as the API shows it: opening hours are stored as JSON and read back as a list. */
export function toStore(store: Store): StoreType {
  return { ...store, openingHours: Array.isArray(store.openingHours) ? (store.openingHours as unknown as OpeningHoursType[]) : [] };
}
