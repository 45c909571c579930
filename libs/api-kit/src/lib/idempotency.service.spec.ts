import { randomBytes } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Tx } from '@mop/data-access';
import { createTestDatabase, type TestDatabase } from '@mop/data-access/testing';
import { hashInput, IdempotencyService } from './idempotency.service';

describe('IdempotencyService', () => {
  let database: TestDatabase;
  let service: IdempotencyService;
  beforeAll(async () => {
    database = await createTestDatabase();
    service = new IdempotencyService(database.db);
  });
  afterAll(() => database.drop());

  /** A fresh key, so every test owns its rows. */
  const newKey = () => `key-${randomBytes(8).toString('hex')}`;

  /** The work under test: writes one audit row (tagged with `tag`) in the caller's transaction. */
  function work(tag: string, result: unknown = { ok: true }) {
    const fn = jest.fn(async (tx: Tx) => {
      await tx.auditEvent.create({ data: { actorLabel: 'test', action: 'test.work', subjectType: 'Test', subjectId: tag, requestId: tag } });
      return result;
    });
    return fn;
  }
  const rowsOf = (tag: string) => database.db.auditEvent.count({ where: { subjectId: tag } });

  async function codeOf(promise: Promise<unknown>): Promise<{ code: unknown; field: unknown }> {
    const err = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GraphQLError);
    const { code, field } = (err as GraphQLError).extensions;
    return { code, field };
  }

  it('returns the first result for the same key and input, and runs the work once', async () => {
    const key = newKey();
    const tag = `same-${key}`;
    const fn = work(tag, { couponId: 'c-1', amount: 500 });
    const first = await service.run('test.claim', key, { stock: 's-1', customer: 'u-1' }, fn);
    // the same input in another key order is the same input
    const second = await service.run('test.claim', key, { customer: 'u-1', stock: 's-1' }, fn);
    expect(first).toEqual({ couponId: 'c-1', amount: 500 });
    expect(second).toEqual(first);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(await rowsOf(tag)).toBe(1);
    const record = await database.db.idempotencyRecord.findUniqueOrThrow({ where: { scope_key: { scope: 'test.claim', key } } });
    expect(record).toMatchObject({ status: 'COMPLETED', requestHash: hashInput({ stock: 's-1', customer: 'u-1' }) });
    expect(record.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('answers the same key with other input with CONFLICT on idempotencyKey, and changes nothing', async () => {
    const key = newKey();
    const tag = `conflict-${key}`;
    const fn = work(tag);
    await service.run('test.claim', key, { stock: 's-1' }, fn);
    expect(await codeOf(service.run('test.claim', key, { stock: 's-2' }, fn))).toEqual({ code: 'CONFLICT', field: 'idempotencyKey' });
    expect(fn).toHaveBeenCalledTimes(1);
    expect(await rowsOf(tag)).toBe(1);
  });

  it('runs the work exactly once for 20 concurrent calls with the same key and input', async () => {
    const key = newKey();
    const tag = `race-${key}`;
    const fn = jest.fn(async (tx: Tx) => {
      const row = await tx.auditEvent.create({ data: { actorLabel: 'test', action: 'test.work', subjectType: 'Test', subjectId: tag, requestId: tag } });
      // hold the key a little, so the others really wait on it
      await new Promise((r) => setTimeout(r, 50));
      return { eventId: row.id };
    });
    const results = await Promise.all(Array.from({ length: 20 }, () => service.run('test.redeem', key, { coupon: 'c-9', order: 'o-1' }, fn)));
    expect(await rowsOf(tag)).toBe(1);
    expect(fn).toHaveBeenCalledTimes(1);
    const event = await database.db.auditEvent.findFirstOrThrow({ where: { subjectId: tag } });
    expect(results).toEqual(Array.from({ length: 20 }, () => ({ eventId: event.id })));
  });

  it('leaves no key behind when the work fails, so a retry with the same key runs it again', async () => {
    const key = newKey();
    const tag = `retry-${key}`;
    const failing = jest.fn(async (tx: Tx) => {
      await tx.auditEvent.create({ data: { actorLabel: 'test', action: 'test.work', subjectType: 'Test', subjectId: tag, requestId: tag } });
      throw new Error('downstream refused');
    });
    await expect(service.run('test.claim', key, { n: 1 }, failing)).rejects.toThrow('downstream refused');
    expect(await database.db.idempotencyRecord.count({ where: { key } })).toBe(0);
    expect(await rowsOf(tag)).toBe(0);

    const succeeding = work(tag, { attempt: 2 });
    await expect(service.run('test.claim', key, { n: 1 }, succeeding)).resolves.toEqual({ attempt: 2 });
    expect(succeeding).toHaveBeenCalledTimes(1);
    expect(await rowsOf(tag)).toBe(1);
  });

  it('refuses a malformed key with BAD_USER_INPUT on idempotencyKey before any work', async () => {
    const fn = work(`bad-key-${newKey()}`);
    for (const key of ['', 'short', 'has spaces in it', 'x'.repeat(129), 'semi;colon-key', 'ключ-ключ-ключ']) {
      expect({ key, ...(await codeOf(service.run('test.claim', key, {}, fn))) }).toEqual({ key, code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    }
    for (const key of ['abcdefgh', 'A1._:-zz', 'x'.repeat(128)]) {
      await expect(service.run('test.format', `${key}`, {}, async () => key)).resolves.toBe(key);
    }
    expect(fn).not.toHaveBeenCalled();
  });

  it('scopes keys: the same key in two scopes runs twice', async () => {
    const key = newKey();
    const tag = `scoped-${key}`;
    const fn = work(tag);
    await service.run('test.claim', key, { same: true }, fn);
    await service.run('test.redeem', key, { same: true }, fn);
    expect(fn).toHaveBeenCalledTimes(2);
    expect(await rowsOf(tag)).toBe(2);
    expect(await database.db.idempotencyRecord.count({ where: { key } })).toBe(2);
  });
});

describe('hashInput', () => {
  it('ignores key order and undefined members, but not values or array order', () => {
    expect(hashInput({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(hashInput({ b: { d: 'x', c: [1, 2] }, a: 1, e: undefined }));
    expect(hashInput({ a: 1 })).not.toBe(hashInput({ a: 2 }));
    expect(hashInput({ a: [1, 2] })).not.toBe(hashInput({ a: [2, 1] }));
    expect(hashInput({ a: '1' })).not.toBe(hashInput({ a: 1 }));
    expect(hashInput({ at: new Date('2026-01-01T00:00:00Z') })).toBe(hashInput({ at: '2026-01-01T00:00:00.000Z' }));
  });
});
