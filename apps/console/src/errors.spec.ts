import { ErrorCodes } from '@mop/shared';
import { ApiError, errorMessageKey, errorStatus, fromGraphQLErrors, isUnauthenticated, toApiError } from './errors';
import { consoleEn } from './i18n/en';
import { consoleZh } from './i18n/zh';

describe('error codes', () => {
  it('reads code and field from a GraphQL error', () => {
    const error = fromGraphQLErrors([{ message: 'Too short', extensions: { code: 'BAD_USER_INPUT', field: 'newPassword' } }]);
    expect(error).toBeInstanceOf(ApiError);
    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(error?.field).toBe('newPassword');
  });

  it('reads the reason and the details of a refusal', () => {
    const error = fromGraphQLErrors([{ message: 'Full', extensions: { code: 'CONFLICT', reason: 'CUSTOMER_LIMIT', limit: 2 } }]);
    expect(error).toMatchObject({ code: 'CONFLICT', reason: 'CUSTOMER_LIMIT', details: { limit: 2 } });
    const rethrown = { message: 'mop.errors.CONFLICT', status: 409, body: { code: 'CONFLICT', reason: 'SOLD_OUT', detail: 'Nothing is left' } };
    expect(toApiError(rethrown)).toMatchObject({ code: 'CONFLICT', reason: 'SOLD_OUT', message: 'Nothing is left' });
  });

  it('treats unknown codes as internal errors', () => {
    expect(fromGraphQLErrors([{ message: 'x', extensions: { code: 'WHATEVER' } }])?.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('understands Apollo errors and react-admin HttpErrors', () => {
    const apollo = { message: 'nope', graphQLErrors: [{ message: 'nope', extensions: { code: 'FORBIDDEN' } }] };
    expect(toApiError(apollo).code).toBe('FORBIDDEN');
    const httpError = { message: 'x', status: 200, body: apollo };
    expect(toApiError(httpError).code).toBe('FORBIDDEN');
    // What the data provider rethrows: react-admin's HttpError with the code in its body.
    const rethrown = { message: 'mop.errors.CONFLICT', status: 409, body: { code: 'CONFLICT', field: 'code', errors: { code: 'taken' } } };
    expect(toApiError(rethrown)).toMatchObject({ code: 'CONFLICT', field: 'code' });
    expect(toApiError({ message: 'gone', status: 401 }).code).toBe('UNAUTHENTICATED');
    expect(toApiError({ message: 'Failed to fetch', networkError: { statusCode: 502 } }).code).toBe('NETWORK_ERROR');
    expect(toApiError(new TypeError('Failed to fetch')).code).toBe('NETWORK_ERROR');
  });

  it('recognizes an ended session so the console goes to the login page', () => {
    expect(isUnauthenticated({ graphQLErrors: [{ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }] })).toBe(true);
    expect(isUnauthenticated({ status: 401, message: 'x' })).toBe(true);
    expect(isUnauthenticated({ graphQLErrors: [{ message: 'x', extensions: { code: 'FORBIDDEN' } }] })).toBe(false);
  });

  it('maps every code to an HTTP status and a message in both languages', () => {
    for (const code of [...ErrorCodes, 'NETWORK_ERROR'] as const) {
      const key = errorMessageKey(code);
      expect(key).toBe(`mop.errors.${code}`);
      expect(consoleEn.mop.errors[code]).toEqual(expect.any(String));
      expect(consoleZh.mop.errors[code]).toEqual(expect.any(String));
      expect(consoleZh.mop.errors[code]).not.toBe(consoleEn.mop.errors[code]);
    }
    expect(errorStatus('UNAUTHENTICATED')).toBe(401);
    expect(errorStatus('FORBIDDEN')).toBe(403);
    expect(errorStatus('NOT_FOUND')).toBe(404);
    expect(errorStatus('CONFLICT')).toBe(409);
    expect(errorStatus('TOO_MANY_REQUESTS')).toBe(429);
    expect(errorStatus('BAD_USER_INPUT')).toBe(400);
  });
});
