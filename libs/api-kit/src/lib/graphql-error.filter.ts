import { type ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';

/**
 * Hands every error raised in a resolver to Apollo as it is: `formatError` decides what the client
 * sees and the error-logging plugin logs the unexpected ones (with the request id). Without this,
 * Nest logs every expected FORBIDDEN or BAD_USER_INPUT with a stack trace. Plain HTTP routes
 * (health) keep Nest's usual handling.
 */
@Catch()
export class GraphQLErrorFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
