export interface ChangeRow {
  field: string;
  before: unknown;
  after: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads the shapes an audit event's `changes` takes — `{ before, after }` snapshots,
 * `{ field: { from, to } }`, `{ field: { before, after } }` or `{ field: [old, new] }` — as rows.
 * Returns undefined when the value is something else, which the page then shows as JSON.
 */
export function toChangeRows(changes: unknown): ChangeRow[] | undefined {
  if (!isObject(changes)) return undefined;
  const keys = Object.keys(changes);
  if (keys.length === 0) return [];
  if (keys.every((k) => k === 'before' || k === 'after') && (isObject(changes.before) || isObject(changes.after))) {
    const before = isObject(changes.before) ? changes.before : {};
    const after = isObject(changes.after) ? changes.after : {};
    const fields = Array.from(new Set([...Object.keys(before), ...Object.keys(after)])).sort();
    return fields.map((field) => ({ field, before: before[field], after: after[field] }));
  }
  const rows: ChangeRow[] = [];
  for (const field of keys) {
    const value = changes[field];
    if (isObject(value) && ('from' in value || 'to' in value)) {
      rows.push({ field, before: value.from, after: value.to });
    } else if (isObject(value) && ('before' in value || 'after' in value) && Object.keys(value).length <= 2) {
      rows.push({ field, before: value.before, after: value.after });
    } else if (Array.isArray(value) && value.length === 2) {
      rows.push({ field, before: value[0], after: value[1] });
    } else {
      rows.push({ field, before: undefined, after: value });
    }
  }
  return rows;
}

/** One value of a change, readable: strings as they are, everything else as compact JSON. */
export function formatChangeValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2);
}
