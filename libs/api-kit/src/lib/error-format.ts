import { HttpException } from '@nestjs/common';
import type { ApolloServerPlugin } from '@apollo/server';
import { ForbiddenError as CaslForbiddenError } from '@casl/ability';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCodes } from '@mop/shared';
import { Prisma } from '@mop/data-access';

const KNOWN = new Set<string>(ErrorCodes);
/** Apollo's own codes that clients act on as they are. */
const PASS_THROUGH = new Set(['PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']);
const HTTP_CODES: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'TOO_MANY_REQUESTS',
};

/**
 * The only shape an error leaves the server in: `message`, `path`, `locations` and
 * `extensions.{code, field, …}` — never a stack, SQL, or another tenant's identifiers.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  return clientError(formatted, unwrap(error)) ?? {
    message: 'Something went wrong on our side. The request id in the x-request-id header identifies it.',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** What the client may see of an error it can act on; null for an unexpected (internal) one. */
function clientError(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError | null {
  const base = { message: formatted.message, path: formatted.path, locations: formatted.locations };
  const ext = { ...(formatted.extensions ?? {}) };
  delete ext['stacktrace'];
  delete ext['exception'];
  const code = String(ext['code'] ?? '');

  if (original instanceof CaslForbiddenError) {
    return { ...base, message: 'You are not allowed to do this in the current workspace.', extensions: { code: 'FORBIDDEN' } };
  }
  if (original instanceof Prisma.PrismaClientKnownRequestError) {
    if (original.code === 'P2002') return { ...base, message: 'This conflicts with an existing record.', extensions: { code: 'CONFLICT' } };
    if (original.code === 'P2025') return { ...base, message: 'The record was not found.', extensions: { code: 'NOT_FOUND' } };
  }
  if (original instanceof HttpException) {
    const mapped = HTTP_CODES[original.getStatus()];
    if (mapped) return { ...base, message: original.message, extensions: { code: mapped } };
  }
  if (KNOWN.has(code) && code !== 'INTERNAL_SERVER_ERROR') return { ...base, extensions: ext };
  if (PASS_THROUGH.has(code)) return { ...base, extensions: ext };
  if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' || code === 'BAD_REQUEST') {
    return { ...base, extensions: { code: 'BAD_USER_INPUT', field: 'query', reason: code } };
  }
  return null;
}

function unwrap(error: unknown): unknown {
  let current = error as { originalError?: unknown } | undefined;
  while (current && typeof current === 'object' && current.originalError && current.originalError !== current) {
    current = current.originalError as { originalError?: unknown };
  }
  return current;
}

/** Logs every unexpected error once, with the request's id, since the client only gets a generic message. */
export function errorLoggingPlugin(): ApolloServerPlugin<{ req?: { log?: { error: (o: object, m: string) => void } } }> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const err of errors) {
            // the same judgement as formatError: whatever the client only sees as INTERNAL_SERVER_ERROR is logged
            const original = unwrap(err);
            if (!clientError({ message: err.message, extensions: err.extensions }, original)) {
              contextValue.req?.log?.error({ err: original }, 'unexpected GraphQL error');
            }
          }
        },
      };
    },
  };
}
