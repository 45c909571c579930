import { ApiError } from '../errors';
import { couponErrorKeys, couponErrorMessage } from './couponErrors';

const error = (code: ApiError['code'], { field, reason, details }: { field?: string; reason?: string; details?: Record<string, unknown> } = {}) =>
  new ApiError(code, `server says ${code}`, field, reason, details);

describe('coupon error messages', () => {
  it('words a known refusal with its details', () => {
    expect(couponErrorMessage(error('CONFLICT', { reason: 'CUSTOMER_LIMIT', details: { limit: 2 } }), 'claim')).toEqual({
      key: 'mop.coupon_errors.claim.CUSTOMER_LIMIT',
      args: { limit: 2 },
      detail: 'server says CONFLICT',
      retryable: false,
    });
    expect(couponErrorMessage(error('CONFLICT', { reason: 'ALREADY_REDEEMED' }), 'counter').key).toBe('mop.coupon_errors.counter.ALREADY_REDEEMED');
    // The same reason means something else per operation.
    expect(couponErrorMessage(error('CONFLICT', { reason: 'ALREADY_REDEEMED' }), 'revoke').key).toBe('mop.coupon_errors.revoke.ALREADY_REDEEMED');
    expect(couponErrorMessage(error('CONFLICT', { reason: 'EXPIRED' }), 'reverse').key).toBe('mop.coupon_errors.reverse.EXPIRED');
  });

  it('lets the caller add what the message needs', () => {
    const message = couponErrorMessage(error('BAD_USER_INPUT', { field: 'orderAmount' }), 'counter', { minSpend: '¥30.00' });
    expect(message).toMatchObject({ key: 'mop.coupon_errors.counter.field_orderAmount', args: { minSpend: '¥30.00' } });
  });

  it('tells a wrong input from a forbidden one on the same field', () => {
    expect(couponErrorMessage(error('BAD_USER_INPUT', { field: 'storeId' }), 'counter').key).toBe('mop.coupon_errors.counter.field_storeId');
    expect(couponErrorMessage(error('FORBIDDEN', { field: 'storeId' }), 'counter').key).toBe('mop.coupon_errors.counter.forbidden_storeId');
    expect(couponErrorMessage(error('BAD_USER_INPUT', { field: 'input.channel' }), 'claim').key).toBe('mop.coupon_errors.claim.field_channel');
  });

  it('falls back to the operation, then to the error code', () => {
    expect(couponErrorMessage(error('NOT_FOUND', { field: 'code' }), 'counter').key).toBe('mop.coupon_errors.counter.NOT_FOUND');
    expect(couponErrorMessage(error('NOT_FOUND'), 'counter').key).toBe('mop.coupon_errors.counter.NOT_FOUND');
    expect(couponErrorMessage(error('FORBIDDEN'), 'claim').key).toBe('mop.coupon_errors.claim.FORBIDDEN');
    expect(couponErrorMessage(error('CONFLICT', { reason: 'SOMETHING_NEW' }), 'claim').key).toBe('mop.errors.CONFLICT');
    expect(couponErrorMessage(error('BAD_USER_INPUT', { field: 'requestId' }), 'claim').key).toBe('mop.errors.BAD_USER_INPUT');
  });

  it('says when sending the same request again may work', () => {
    expect(couponErrorMessage(error('NETWORK_ERROR'), 'counter').retryable).toBe(true);
    expect(couponErrorMessage(error('INTERNAL_SERVER_ERROR'), 'counter').retryable).toBe(true);
    expect(couponErrorMessage(error('CONFLICT', { reason: 'RETRY' }), 'claim').retryable).toBe(true);
    expect(couponErrorMessage(error('CONFLICT', { reason: 'SOLD_OUT' }), 'claim').retryable).toBe(false);
  });

  it('understands the raw GraphQL errors graphqlRequest throws', () => {
    const raw = { graphQLErrors: [{ message: 'x', extensions: { code: 'CONFLICT', reason: 'DAILY_LIMIT', limit: 1 } }] };
    expect(couponErrorMessage(raw, 'claim')).toMatchObject({ key: 'mop.coupon_errors.claim.DAILY_LIMIT', args: { limit: 1 } });
  });

  it('lists every key it may answer with', () => {
    expect(couponErrorKeys()).toContain('mop.coupon_errors.counter.forbidden_storeId');
    expect(couponErrorKeys()).toContain('mop.coupon_errors.revoke.ALREADY_REVOKED');
  });
});
