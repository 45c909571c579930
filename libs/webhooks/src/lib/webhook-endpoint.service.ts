import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type Db, type Prisma, PRISMA, type WebhookEndpoint } from '@mop/data-access';
import { BadUserInputError, ConflictError, ForbiddenError, type ListArgs, NotFoundError, type RequestContext, toPage } from '@mop/api-kit';
import { AuditService } from '@mop/audit';
import { accessibleWhere, canOn } from '@mop/authz';
import { WebhookEventService } from './webhook-event.service';
import type { CreateWebhookEndpointInput, UpdateWebhookEndpointInput, WebhookEndpointFilter, WebhookEndpointSecretType, WebhookEndpointType } from './webhook-endpoint.types';

const SORTABLE = ['url', 'enabled', 'createdAt', 'updatedAt'] as const;
/** Plain http is for a receiver on the same machine (development, tests); anything else must be https. */
const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** `whsec_` and 32 random bytes: kept as-is (signing needs the secret itself), returned only on creation and rotation. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** The URL as stored, or BAD_USER_INPUT on `url`. */
export function validateEndpointUrl(raw: string): string {
  const value = raw.trim();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new BadUserInputError('url', 'Enter a full URL, e.g. https://example.com/webhooks.');
  }
  if (url.protocol === 'http:' && !LOCAL_HOSTS.includes(url.hostname)) {
    throw new BadUserInputError('url', 'Use an https URL (plain http only for localhost and 127.0.0.1).');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new BadUserInputError('url', 'Use an https URL.');
  if (url.username || url.password) throw new BadUserInputError('url', 'Leave credentials out of the URL: verify the signature instead.');
  return value;
}

function cleanDescription(description: string | null | undefined): string | null {
  const trimmed = description?.trim();
  return trimmed ? trimmed : null;
}

/**
 * A merchant's webhook endpoints: owners and managers add, edit, disable and delete them. The signing
 * secret is returned by `create` and `rotateSecret` only. Every change is audited in its transaction,
 * and the emitter forgets the merchant's cached endpoints once it has committed.
 */
@Injectable()
export class WebhookEndpointService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly audit: AuditService,
    private readonly events: WebhookEventService,
  ) {}

  // ── reads
  async list(ctx: RequestContext, args: ListArgs, f: WebhookEndpointFilter = {}): Promise<WebhookEndpointType[]> {
    const rows = await this.db.webhookEndpoint.findMany({ where: this.where(ctx, f), ...toPage(args, SORTABLE, ['createdAt', 'desc']) });
    return rows.map(present);
  }

  count(ctx: RequestContext, f: WebhookEndpointFilter = {}): Promise<number> {
    return this.db.webhookEndpoint.count({ where: this.where(ctx, f) });
  }

  async get(ctx: RequestContext, id: string): Promise<WebhookEndpointType> {
    return present(await this.load(ctx, id));
  }

  // ── writes
  async create(ctx: RequestContext, input: CreateWebhookEndpointInput): Promise<WebhookEndpointSecretType> {
    const membership = ctx.principal?.membership;
    const merchantId = membership?.kind === 'MERCHANT' ? membership.merchantId : null;
    if (!merchantId || !canOn(ctx.ability, 'create', 'WebhookEndpoint', { merchantId })) {
      throw new ForbiddenError("Webhook endpoints are added in a merchant's workspace, by its owner or a manager.");
    }
    const url = validateEndpointUrl(input.url);
    const description = cleanDescription(input.description);
    const eventTypes = [...input.eventTypes];
    const enabled = input.enabled ?? true;
    const secret = newWebhookSecret();
    const endpoint = await this.db.$transaction(async (tx) => {
      const created = await tx.webhookEndpoint.create({ data: { merchantId, url, description, eventTypes, enabled, secret } });
      await this.audit.record(tx, ctx, {
        action: 'webhook-endpoint.create',
        subjectType: 'WebhookEndpoint',
        subjectId: created.id,
        merchantId,
        changes: { url, description, eventTypes, enabled },
      });
      return created;
    });
    this.events.forget(merchantId);
    return { endpoint: present(endpoint), secret };
  }

  /** Changes what the input names; `version` is the one the editor started from (stale: CONFLICT). */
  async update(ctx: RequestContext, id: string, version: number, input: UpdateWebhookEndpointInput): Promise<WebhookEndpointType> {
    const endpoint = await this.load(ctx, id);
    if (!canOn(ctx.ability, 'update', 'WebhookEndpoint', endpoint)) throw new ForbiddenError();
    const next = {
      url: input.url != null ? validateEndpointUrl(input.url) : endpoint.url,
      description: input.description !== undefined ? cleanDescription(input.description) : endpoint.description,
      eventTypes: input.eventTypes != null ? [...input.eventTypes] : endpoint.eventTypes,
      enabled: input.enabled ?? endpoint.enabled,
    };
    if (endpoint.version !== version) throw stale();
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(next) as (keyof typeof next)[]) {
      if (JSON.stringify(next[key]) !== JSON.stringify(endpoint[key])) changes[key] = { from: endpoint[key], to: next[key] };
    }
    if (Object.keys(changes).length === 0) return present(endpoint);
    const updated = await this.db.$transaction(async (tx) => {
      const [row] = await tx.webhookEndpoint.updateManyAndReturn({ where: { id, version }, data: { ...next, version: { increment: 1 } } });
      if (!row) throw stale();
      await this.audit.record(tx, ctx, { action: 'webhook-endpoint.update', subjectType: 'WebhookEndpoint', subjectId: id, merchantId: endpoint.merchantId, changes });
      return row;
    });
    this.events.forget(endpoint.merchantId);
    return present(updated);
  }

  /** A new secret at once: deliveries from now on are signed with it (the old one stops verifying). */
  async rotateSecret(ctx: RequestContext, id: string): Promise<WebhookEndpointSecretType> {
    const endpoint = await this.load(ctx, id);
    if (!canOn(ctx.ability, 'update', 'WebhookEndpoint', endpoint)) throw new ForbiddenError();
    const secret = newWebhookSecret();
    const rotated = await this.db.$transaction(async (tx) => {
      const row = await tx.webhookEndpoint.update({ where: { id }, data: { secret, version: { increment: 1 } } });
      await this.audit.record(tx, ctx, {
        action: 'webhook-endpoint.rotate-secret',
        subjectType: 'WebhookEndpoint',
        subjectId: id,
        merchantId: endpoint.merchantId,
        changes: { secret: 'rotated' },
      });
      return row;
    });
    this.events.forget(endpoint.merchantId);
    return { endpoint: present(rotated), secret };
  }

  /** Deletes the endpoint with its deliveries and their attempts; pending deliveries are not sent. */
  async delete(ctx: RequestContext, id: string): Promise<WebhookEndpointType> {
    const endpoint = await this.load(ctx, id);
    if (!canOn(ctx.ability, 'delete', 'WebhookEndpoint', endpoint)) throw new ForbiddenError();
    await this.db.$transaction(async (tx) => {
      const deliveries = await tx.webhookDelivery.count({ where: { endpointId: id } });
      const { count } = await tx.webhookEndpoint.deleteMany({ where: { id } });
      if (count === 0) throw new NotFoundError('WebhookEndpoint', id);
      await this.audit.record(tx, ctx, {
        action: 'webhook-endpoint.delete',
        subjectType: 'WebhookEndpoint',
        subjectId: id,
        merchantId: endpoint.merchantId,
        changes: { url: endpoint.url, eventTypes: endpoint.eventTypes, enabled: endpoint.enabled, deliveriesDeleted: deliveries },
      });
    });
    this.events.forget(endpoint.merchantId);
    return present(endpoint);
  }

  private async load(ctx: RequestContext, id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.db.webhookEndpoint.findFirst({ where: { AND: [accessibleWhere(ctx.ability, 'WebhookEndpoint'), { id }] } });
    if (!endpoint) throw new NotFoundError('WebhookEndpoint', id);
    return endpoint;
  }

  private where(ctx: RequestContext, f: WebhookEndpointFilter): Prisma.WebhookEndpointWhereInput {
    return {
      AND: [
        accessibleWhere(ctx.ability, 'WebhookEndpoint'),
        f.ids?.length ? { id: { in: f.ids } } : {},
        f.enabled !== undefined && f.enabled !== null ? { enabled: f.enabled } : {},
        f.q ? { OR: [{ url: { contains: f.q, mode: 'insensitive' } }, { description: { contains: f.q, mode: 'insensitive' } }] } : {},
      ],
    };
  }
}

const stale = () => new ConflictError('Someone changed this endpoint meanwhile: reload it and edit again.', { reason: 'STALE_VERSION' });

/** Everything but the secret. */
function present(e: WebhookEndpoint): WebhookEndpointType {
  return {
    id: e.id,
    merchantId: e.merchantId,
    url: e.url,
    description: e.description,
    eventTypes: e.eventTypes,
    enabled: e.enabled,
    version: e.version,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}
