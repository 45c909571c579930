import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { ApiKeyPrincipal, AppAbility, Principal } from '@mop/authz';

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
    /** Set when a merchant's or provider's server calls with an API key (then `principal` is null). */
    readonly apiKey: ApiKeyPrincipal | null = null,
  ) {}

  get userId(): string | null {
    return this.principal?.user.id ?? null;
  }

  /** Who the audit and the coupon ledger name: the user's e-mail, or the API key's public prefix. */
  get actorLabel(): string {
    if (this.principal) return this.principal.user.email;
    return this.apiKey ? `api key mop_${this.apiKey.prefix}` : 'anonymous';
  }

  /** The provider acting (in its workspace or with its key), when it is one. */
  get actingProviderId(): string | null {
    const m = this.principal?.membership;
    if (m?.kind === 'PROVIDER') return m.providerId;
    return this.apiKey?.providerId ?? null;
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
