import { GraphQLError } from 'graphql';
import type { ErrorCode } from '@mop/shared';

/**
 * Errors are values the client can act on: a code in `extensions.code`, the offending field
 * where there is one, and a human message. Nothing else (no stack, no SQL) leaves the server.
 */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class BadUserInputError extends AppError {
  constructor(field: string, message: string) {
    super('BAD_USER_INPUT', message, { field });
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in to continue.') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this in the current workspace.', field?: string) {
    super('FORBIDDEN', message, field ? { field } : {});
  }
}

export class NotFoundError extends AppError {
  constructor(subject: string, id?: string) {
    super('NOT_FOUND', id ? `${subject} ${id} was not found.` : `${subject} was not found.`, { subject });
  }
}

export class ConflictError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super('CONFLICT', message, extensions);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS', message, { retryAfterSeconds });
  }
}

/** FORBIDDEN because the merchant has not enabled the product the operation belongs to. */
export class ProductNotEnabledError extends AppError {
  constructor(product: string) {
    super('FORBIDDEN', `The product ${product} is not enabled for this merchant: apply for it in the product catalog.`, {
      reason: 'PRODUCT_NOT_ENABLED',
      product,
    });
  }
}
