const formats = new Map<string, Intl.DateTimeFormat>();
/** The last answer per time zone, for the minute it was asked in (claims ask on every request). */
const recent = new Map<string, { minute: number; day: string }>();

/** YYYY-MM-DD of an instant in a time zone: what a customer's daily limit counts by. */
export function dayIn(timeZone: string, at: number): string {
  // Every zone's offset is a whole number of minutes: within one minute the local day cannot change.
  const minute = Math.floor(at / 60_000);
  const hit = recent.get(timeZone);
  if (hit && hit.minute === minute) return hit.day;
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  const day = format.format(at);
  recent.set(timeZone, { minute, day });
  return day;
}
