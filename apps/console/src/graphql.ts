import { ApiError, fromGraphQLErrors } from './errors';

export const GRAPHQL_ENDPOINT = '/graphql';

/**
 * A plain GraphQL request for the session operations (login, me, profile): same origin, cookies
 * included. Resource lists go through the react-admin data provider instead.
 */
export async function graphqlRequest<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new ApiError('NETWORK_ERROR', (error as Error).message);
  }
  let payload: { data?: T; errors?: { message?: string; extensions?: { code?: unknown; field?: unknown } }[] };
  try {
    payload = await response.json();
  } catch {
    throw new ApiError(response.status === 401 ? 'UNAUTHENTICATED' : 'NETWORK_ERROR', response.statusText);
  }
  const error = fromGraphQLErrors(payload.errors);
  if (error) throw error;
  if (!payload.data) throw new ApiError('INTERNAL_SERVER_ERROR', 'Empty GraphQL response');
  return payload.data;
}
