import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { AppAbility, Principal } from '@mop/authz';

/**
 * Everything a service needs to know about who is asking: passed explicitly as the first
 * argument of every service method (nothing reaches for a global user).
 */
export class RequestContext {
  constructor(
    readonly requestId: string,
    readonly ability: AppAbility,
    readonly principal: Principal | null,
    readonly sessionId: string | null,
    readonly ip: string | null = null,
    readonly userAgent: string | null = null,
  ) {}

  get userId(): string | null {
    return this.principal?.user.id ?? null;
  }

  get isAuthenticated(): boolean {
    return this.principal !== null;
  }
}

/** The GraphQL context object: the request context plus the transport objects auth needs. */
export interface GqlContext {
  rc: RequestContext;
  req: { headers: Record<string, string | string[] | undefined>; id: string; ip?: string };
  reply?: {
    setCookie?: (name: string, value: string, options: Record<string, unknown>) => unknown;
    clearCookie?: (name: string, options: Record<string, unknown>) => unknown;
    header?: (name: string, value: string) => unknown;
  };
}

export function gqlContextOf(context: ExecutionContext): GqlContext {
  return GqlExecutionContext.create(context).getContext<GqlContext>();
}

/** Resolver parameter decorator: `@Ctx() ctx: RequestContext`. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext) => gqlContextOf(context).rc);
