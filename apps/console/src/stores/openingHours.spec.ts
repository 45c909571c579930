import { isTime, openingHoursError, sortedHours } from './openingHours';

describe('opening hours', () => {
  it('accepts HH:MM on a 24-hour clock only', () => {
    expect(isTime('08:30')).toBe(true);
    expect(isTime('23:59')).toBe(true);
    expect(isTime('24:00')).toBe(false);
    expect(isTime('8:30')).toBe(false);
    expect(isTime('08:60')).toBe(false);
  });

  it('wants the store to close after it opens', () => {
    expect(openingHoursError({ weekday: 1, opens: '08:00', closes: '18:00' })).toBeUndefined();
    expect(openingHoursError({ weekday: 1, opens: '18:00', closes: '08:00' })).toBe('mop.stores.closes_after_opens');
    expect(openingHoursError({ weekday: 1, opens: '8', closes: '18:00' })).toBe('mop.stores.time_format');
  });

  it('sorts Monday first', () => {
    const hours = [
      { weekday: 7, opens: '10:00', closes: '16:00' },
      { weekday: 1, opens: '08:00', closes: '18:00' },
    ];
    expect(sortedHours(hours).map((h) => h.weekday)).toEqual([1, 7]);
  });
});
