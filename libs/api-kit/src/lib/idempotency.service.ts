import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type Db, isUniqueViolation, PRISMA, type Tx } from '@mop/data-access';
import { BadUserInputError, ConflictError } from './errors';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;
const RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * Idempotency keys for mutations that create or move value. The key row is inserted in the same
 * transaction as the work: a concurrent duplicate blocks on the unique index until the first commits,
 * then reads its result; if the first rolls back, the duplicate simply does the work. So the same key
 * with the same input always returns the first result, and the same key with other input is CONFLICT.
 */
@Injectable()
export class IdempotencyService {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async run<T>(scope: string, key: string, input: unknown, work: (tx: Tx) => Promise<T>): Promise<T> {
    if (!KEY_PATTERN.test(key)) {
      throw new BadUserInputError('idempotencyKey', 'An idempotency key is 8 to 128 letters, digits or ._:- characters.');
    }
    const requestHash = hashInput(input);
    try {
      return await this.db.$transaction(async (tx) => {
        await tx.idempotencyRecord.create({
          data: { scope, key, requestHash, expiresAt: new Date(Date.now() + RETENTION_MS) },
        });
        const result = await work(tx);
        await tx.idempotencyRecord.update({
          where: { scope_key: { scope, key } },
          data: { status: 'COMPLETED', response: toJson(result) },
        });
        return result;
      });
    } catch (err) {
      if (!isUniqueViolation(err, ['scope', 'key'])) throw err;
      const first = await this.db.idempotencyRecord.findUnique({ where: { scope_key: { scope, key } } });
      if (!first) throw err;
      if (first.requestHash !== requestHash) {
        throw new ConflictError('This idempotency key was already used with different input.', { field: 'idempotencyKey' });
      }
      return first.response as T;
    }
  }
}

/** A hash of the input that ignores key order, so equal inputs hash equally. */
export function hashInput(input: unknown): string {
  return createHash('sha256').update(stableStringify(input)).digest('hex');
}

function stableStringify(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

function toJson(value: unknown): object {
  return JSON.parse(JSON.stringify(value ?? null)) as object;
}
