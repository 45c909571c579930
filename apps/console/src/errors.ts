import type { ErrorCode } from '@mop/shared';

/**
 * A GraphQL error as the console acts on it: the code, the offending field, the server's text, and
 * for refusals (CONFLICT) the machine-readable reason with its details (`extensions.reason`, `limit`…).
 */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'NETWORK_ERROR',
    message: string,
    readonly field?: string,
    readonly reason?: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const HTTP_STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
  NETWORK_ERROR: 503,
};

const KNOWN_CODES = new Set(Object.keys(HTTP_STATUS));

interface GraphQLErrorLike {
  message?: string;
  extensions?: { code?: unknown; field?: unknown; reason?: unknown; [detail: string]: unknown };
}

/** The first GraphQL error of a response, or of an Apollo error, as an ApiError. */
export function fromGraphQLErrors(errors: readonly GraphQLErrorLike[] | undefined): ApiError | undefined {
  const first = errors?.[0];
  if (!first) return undefined;
  const raw = typeof first.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR';
  const code = (KNOWN_CODES.has(raw) ? raw : 'INTERNAL_SERVER_ERROR') as ApiError['code'];
  const field = typeof first.extensions?.field === 'string' ? first.extensions.field : undefined;
  const reason = typeof first.extensions?.reason === 'string' ? first.extensions.reason : undefined;
  const details = Object.fromEntries(Object.entries(first.extensions ?? {}).filter(([key]) => !['code', 'field', 'reason'].includes(key)));
  return new ApiError(code, first.message ?? code, field, reason, details);
}

/** Normalizes anything thrown by fetch, Apollo or react-admin into an ApiError. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const candidate = error as {
    graphQLErrors?: GraphQLErrorLike[];
    networkError?: { statusCode?: number; result?: { errors?: GraphQLErrorLike[] } } | null;
    body?: unknown;
    status?: number;
    message?: string;
  } | null;
  if (candidate && typeof candidate === 'object') {
    const fromBody = candidate.body && typeof candidate.body === 'object' ? toApiErrorOrUndefined(candidate.body) : undefined;
    if (fromBody) return fromBody;
    const fromGraphQL =
      fromGraphQLErrors(candidate.graphQLErrors) ?? fromGraphQLErrors(candidate.networkError?.result?.errors);
    if (fromGraphQL) return fromGraphQL;
    if (candidate.status === 401 || candidate.networkError?.statusCode === 401) {
      return new ApiError('UNAUTHENTICATED', candidate.message ?? 'UNAUTHENTICATED');
    }
    if (candidate.networkError || error instanceof TypeError) {
      return new ApiError('NETWORK_ERROR', candidate.message ?? 'NETWORK_ERROR');
    }
  }
  return new ApiError('INTERNAL_SERVER_ERROR', (candidate && candidate.message) || String(error));
}

function toApiErrorOrUndefined(body: object): ApiError | undefined {
  const nested = body as { graphQLErrors?: GraphQLErrorLike[]; errors?: unknown; code?: unknown; field?: unknown; detail?: unknown; reason?: unknown };
  const fromErrors = Array.isArray(nested.errors) ? fromGraphQLErrors(nested.errors as GraphQLErrorLike[]) : undefined;
  const fromGraphQL = fromGraphQLErrors(nested.graphQLErrors) ?? fromErrors;
  if (fromGraphQL) return fromGraphQL;
  // The body of the HttpError the data provider rethrows: { code, field, detail }.
  if (typeof nested.code === 'string' && KNOWN_CODES.has(nested.code)) {
    const field = typeof nested.field === 'string' ? nested.field : undefined;
    const reason = typeof nested.reason === 'string' ? nested.reason : undefined;
    return new ApiError(nested.code as ApiError['code'], typeof nested.detail === 'string' ? nested.detail : nested.code, field, reason);
  }
  return undefined;
}

/** The i18n key of the message shown to the user for an error code. */
export function errorMessageKey(code: ApiError['code']): string {
  return `mop.errors.${code}`;
}

/** The HTTP status react-admin's error handling understands for a GraphQL error code. */
export function errorStatus(code: ApiError['code']): number {
  return HTTP_STATUS[code] ?? 500;
}

/** Whether the server refused an operation in the current workspace. */
export function isForbidden(error: unknown): boolean {
  return toApiError(error).code === 'FORBIDDEN';
}

/** Whether an error means "the session is gone": the console then goes to the login page. */
export function isUnauthenticated(error: unknown): boolean {
  return toApiError(error).code === 'UNAUTHENTICATED';
}
