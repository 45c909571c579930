/** The codes every GraphQL error carries in `extensions.code` (DESIGN.md §4.7). */
export const ErrorCodes = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ErrorCodes)[number];
