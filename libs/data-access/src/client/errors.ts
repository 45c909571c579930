import { Prisma } from '../generated/prisma/client';

type AdapterCause = { kind?: string; constraint?: { fields?: string[]; index?: string }; originalCode?: string };

function adapterCause(err: Prisma.PrismaClientKnownRequestError): AdapterCause | undefined {
  const meta = err.meta as { driverAdapterError?: { cause?: AdapterCause } } | undefined;
  return meta?.driverAdapterError?.cause;
}

function unquote(s: string): string {
  return s.trim().replace(/^"(.*)"$/, '$1');
}

/** The fields (or the index name) a unique violation names: of a model query (P2002) or a raw one (P2010). */
export function uniqueViolationTarget(err: unknown): string[] | undefined {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  if (err.code === 'P2010') {
    const cause = adapterCause(err);
    if (cause?.kind !== 'UniqueConstraintViolation' && cause?.originalCode !== '23505') return undefined;
    return cause.constraint?.fields?.map(unquote) ?? (cause.constraint?.index ? [cause.constraint.index] : []);
  }
  if (err.code !== 'P2002') return undefined;
  const target = (err.meta as { target?: unknown } | undefined)?.target;
  if (Array.isArray(target)) return target.map(String);
  if (typeof target === 'string') return [target];
  const c = adapterCause(err)?.constraint;
  if (c?.fields) return c.fields.map(unquote);
  if (c?.index) return [c.index];
  return [];
}

/**
 * True for a unique-constraint violation (P2002). With `fields`, only when the violated key is
 * exactly those fields (any order) — or, for indexes reported by name, when the name is
 * `fields[0]` (e.g. "redemptions_one_active_per_coupon").
 */
export function isUniqueViolation(err: unknown, fields?: readonly string[]): boolean {
  const target = uniqueViolationTarget(err);
  if (!target) return false;
  if (!fields?.length) return true;
  if (target.length === 1 && fields.length === 1 && target[0] === fields[0]) return true;
  const wanted = new Set(fields);
  // Prisma-named unique indexes look like "<table>_<field>_<field>_key": match on the fields too.
  if (target.length === 1 && target[0].endsWith('_key')) {
    return fields.every((f) => target[0].includes(f));
  }
  return target.length === wanted.size && target.every((f) => wanted.has(f));
}

/** True when the database rejected a row by a CHECK constraint (optionally: with this name). */
export function isCheckViolation(err: unknown, constraint?: string): boolean {
  const text = err instanceof Error ? err.message : String(err);
  const cause = err instanceof Prisma.PrismaClientKnownRequestError ? adapterCause(err) : undefined;
  const isCheck = cause?.originalCode === '23514' || /violates check constraint/.test(text);
  return isCheck && (!constraint || text.includes(constraint) || JSON.stringify(cause ?? {}).includes(constraint));
}
