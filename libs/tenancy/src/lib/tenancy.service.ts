import { Inject, Injectable } from '@nestjs/common';
import { type Db, type Prisma, PRISMA } from '@mop/data-access';
import { type ListArgs, NotFoundError, type RequestContext, toPage } from '@mop/api-kit';
import { accessibleWhere } from '@mop/authz';
import type {
  AuthorizationFilter,
  AuthorizationType,
  MembershipFilter,
  MembershipType,
  MerchantFilter,
  ServiceProviderFilter,
  StoreFilter,
  StoreType,
} from './tenancy.types';
import { toStore } from './opening-hours';

const insensitive = (q: string) => ({ contains: q, mode: 'insensitive' as const });
const authorizationInclude = { merchant: { select: { displayName: true } }, provider: { select: { name: true } } } satisfies Prisma.AuthorizationInclude;
const membershipInclude = { user: { select: { email: true, displayName: true } }, stores: { select: { storeId: true } } } satisfies Prisma.MembershipInclude;

/**
 * Read access to the tenants and what hangs off them. Every list is filtered in the database through
 * the ability (AND-ed first, so "nothing allowed" short-circuits); every single record is fetched
 * through the same filter, so another tenant's id is simply NOT_FOUND.
 */
@Injectable()
export class TenancyService {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  // ── merchants
  listMerchants(ctx: RequestContext, args: ListArgs, f: MerchantFilter = {}) {
    return this.db.merchant.findMany({ where: this.merchantWhere(ctx, f), ...toPage(args, ['displayName', 'legalName', 'status', 'createdAt'], ['createdAt', 'desc']) });
  }
  countMerchants(ctx: RequestContext, f: MerchantFilter = {}) {
    return this.db.merchant.count({ where: this.merchantWhere(ctx, f) });
  }
  async getMerchant(ctx: RequestContext, id: string) {
    return found('Merchant', id, await this.db.merchant.findFirst({ where: { AND: [accessibleWhere(ctx.ability, 'Merchant'), { id }] } }));
  }
  private merchantWhere(ctx: RequestContext, f: MerchantFilter): Prisma.MerchantWhereInput {
    return {
      AND: [
        accessibleWhere(ctx.ability, 'Merchant'),
        f.ids?.length ? { id: { in: f.ids } } : {},
        f.status ? { status: f.status } : {},
        f.q ? { OR: [{ displayName: insensitive(f.q) }, { legalName: insensitive(f.q) }, { licenceNumber: insensitive(f.q) }] } : {},
      ],
    };
  }

  // ── stores
  async listStores(ctx: RequestContext, args: ListArgs, f: StoreFilter = {}): Promise<StoreType[]> {
    const rows = await this.db.store.findMany({ where: this.storeWhere(ctx, f), ...toPage(args, ['name', 'code', 'status', 'createdAt'], ['name', 'asc']) });
    return rows.map(toStore);
  }
  countStores(ctx: RequestContext, f: StoreFilter = {}) {
    return this.db.store.count({ where: this.storeWhere(ctx, f) });
  }
  async getStore(ctx: RequestContext, id: string): Promise<StoreType> {
    return toStore(found('Store', id, await this.db.store.findFirst({ where: { AND: [accessibleWhere(ctx.ability, 'Store'), { id }] } })));
  }
  private storeWhere(ctx: RequestContext, f: StoreFilter): Prisma.StoreWhereInput {
    return {
      AND: [
        accessibleWhere(ctx.ability, 'Store'),
        f.ids?.length ? { id: { in: f.ids } } : {},
        f.merchantId ? { merchantId: f.merchantId } : {},
        f.status ? { status: f.status } : {},
        f.q ? { OR: [{ name: insensitive(f.q) }, { code: insensitive(f.q) }, { address: insensitive(f.q) }] } : {},
      ],
    };
  }

  // ── service providers
  listProviders(ctx: RequestContext, args: ListArgs, f: ServiceProviderFilter = {}) {
    return this.db.serviceProvider.findMany({ where: this.providerWhere(ctx, f), ...toPage(args, ['name', 'status', 'createdAt'], ['createdAt', 'desc']) });
  }
  countProviders(ctx: RequestContext, f: ServiceProviderFilter = {}) {
    return this.db.serviceProvider.count({ where: this.providerWhere(ctx, f) });
  }
  async getProvider(ctx: RequestContext, id: string) {
    return found('Service provider', id, await this.db.serviceProvider.findFirst({ where: { AND: [accessibleWhere(ctx.ability, 'ServiceProvider'), { id }] } }));
  }
  private providerWhere(ctx: RequestContext, f: ServiceProviderFilter): Prisma.ServiceProviderWhereInput {
    return {
      AND: [
        accessibleWhere(ctx.ability, 'ServiceProvider'),
        f.ids?.length ? { id: { in: f.ids } } : {},
        f.status ? { status: f.status } : {},
        f.q ? { OR: [{ name: insensitive(f.q) }, { legalName: insensitive(f.q) }] } : {},
      ],
    };
  }

  // ── authorizations
  async listAuthorizations(ctx: RequestContext, args: ListArgs, f: AuthorizationFilter = {}): Promise<AuthorizationType[]> {
    const rows = await this.db.authorization.findMany({
      where: this.authorizationWhere(ctx, f),
      include: authorizationInclude,
      ...toPage(args, ['status', 'expiresAt', 'createdAt'], ['createdAt', 'desc']),
    });
    return rows.map(toAuthorization);
  }
  countAuthorizations(ctx: RequestContext, f: AuthorizationFilter = {}) {
    return this.db.authorization.count({ where: this.authorizationWhere(ctx, f) });
  }
  async getAuthorization(ctx: RequestContext, id: string): Promise<AuthorizationType> {
    const row = await this.db.authorization.findFirst({ where: { AND: [accessibleWhere(ctx.ability, 'Authorization'), { id }] }, include: authorizationInclude });
    return toAuthorization(found('Authorization', id, row));
  }
  private authorizationWhere(ctx: RequestContext, f: AuthorizationFilter): Prisma.AuthorizationWhereInput {
    return {
      AND: [
        accessibleWhere(ctx.ability, 'Authorization'),
        f.ids?.length ? { id: { in: f.ids } } : {},
        f.status ? { status: f.status } : {},
        f.merchantId ? { merchantId: f.merchantId } : {},
        f.providerId ? { providerId: f.providerId } : {},
      ],
    };
  }

  // ── memberships (the staff of the active workspace)
  async listMemberships(ctx: RequestContext, args: ListArgs, f: MembershipFilter = {}): Promise<MembershipType[]> {
    const rows = await this.db.membership.findMany({
      where: this.membershipWhere(ctx, f),
      include: membershipInclude,
      ...toPage(args, ['role', 'status', 'createdAt'], ['createdAt', 'asc']),
    });
    return rows.map(toMembership);
  }
  countMemberships(ctx: RequestContext, f: MembershipFilter = {}) {
    return this.db.membership.count({ where: this.membershipWhere(ctx, f) });
  }
  async getMembership(ctx: RequestContext, id: string): Promise<MembershipType> {
    const row = await this.db.membership.findFirst({ where: { AND: [accessibleWhere(ctx.ability, 'Membership'), this.workspaceOnly(ctx), { id }] }, include: membershipInclude });
    return toMembership(found('Membership', id, row));
  }
  private membershipWhere(ctx: RequestContext, f: MembershipFilter): Prisma.MembershipWhereInput {
    return {
      AND: [
        accessibleWhere(ctx.ability, 'Membership'),
        this.workspaceOnly(ctx),
        f.ids?.length ? { id: { in: f.ids } } : {},
        f.role ? { role: f.role as Prisma.MembershipWhereInput['role'] } : {},
        f.q ? { user: { OR: [{ email: insensitive(f.q) }, { displayName: insensitive(f.q) }] } } : {},
      ],
    };
  }
  /** The members page lists the active workspace's staff, not the reader's own memberships elsewhere. */
  private workspaceOnly(ctx: RequestContext): Prisma.MembershipWhereInput {
    const m = ctx.principal?.membership;
    if (!m || m.kind === 'PLATFORM') return {};
    return m.kind === 'MERCHANT' ? { merchantId: m.merchantId } : { providerId: m.providerId };
  }
}

function found<T>(subject: string, id: string, row: T | null): T {
  if (!row) throw new NotFoundError(subject, id);
  return row;
}

function toAuthorization(a: Prisma.AuthorizationGetPayload<{ include: typeof authorizationInclude }>): AuthorizationType {
  return { ...a, merchantName: a.merchant.displayName, providerName: a.provider.name };
}

function toMembership(m: Prisma.MembershipGetPayload<{ include: typeof membershipInclude }>): MembershipType {
  return { ...m, email: m.user.email, displayName: m.user.displayName, storeIds: m.stores.map((s) => s.storeId) };
}
