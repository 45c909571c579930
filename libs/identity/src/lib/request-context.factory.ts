import { Injectable, Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, RequestContext } from '@mop/api-kit';
import { ApiKeyPrincipalResolver, looksLikeApiKey } from '@mop/api-keys';
import { type ApiKeyPrincipal, type AppAbility, defineAbilityFor, defineAbilityForApiKey } from '@mop/authz';
import { SessionService } from './session.service';

interface IncomingRequest {
  id: string;
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
  cookies?: Record<string, string | undefined>;
}

/** Builds the request context once per request: the session, the active workspace and its ability. */
@Injectable()
export class RequestContextFactory {
  constructor(
    private readonly sessions: SessionService,
    private readonly apiKeys: ApiKeyPrincipalResolver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async build(req: IncomingRequest): Promise<RequestContext> {
    const token = this.tokenOf(req);
    const userAgent = header(req, 'user-agent');
    if (token && looksLikeApiKey(token)) {
      // A server-to-server caller: an unknown, revoked or expired key acts as nobody.
      const key = await this.apiKeys.resolve(token);
      const ability = key ? this.keyAbility(key) : defineAbilityFor(null);
      return new RequestContext(String(req.id), ability, null, null, req.ip ?? null, userAgent, key);
    }
    const resolved = token ? await this.sessions.resolve(token) : null;
    const principal = resolved?.principal ?? null;
    return new RequestContext(String(req.id), defineAbilityFor(principal), principal, resolved?.sessionId ?? null, req.ip ?? null, userAgent);
  }

  /** A key's principal is reused for a few seconds (ApiKeyPrincipalResolver): so is its ability. */
  private readonly keyAbilities = new WeakMap<ApiKeyPrincipal, AppAbility>();

  private keyAbility(key: ApiKeyPrincipal): AppAbility {
    let ability = this.keyAbilities.get(key);
    if (!ability) {
      ability = defineAbilityForApiKey(key);
      this.keyAbilities.set(key, ability);
    }
    return ability;
  }

  /** The session token: the console's cookie, or a bearer token for other clients. */
  tokenOf(req: IncomingRequest): string | null {
    const auth = header(req, 'authorization');
    if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || null;
    const fromCookie = req.cookies?.[this.config.session.cookieName];
    return fromCookie || null;
  }
}

function header(req: IncomingRequest, name: string): string | null {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}
