import { AbilityBuilder } from '@casl/ability';
import { packRules, type PackRule } from '@casl/ability/extra';
import {
  createPrismaAbility,
  type ApiKey,
  type Application,
  type AuditEvent,
  type Authorization,
  type CouponStock,
  type Invitation,
  type Product,
  type ProductEnrollment,
  type Membership,
  type Merchant,
  type PrismaQuery,
  type ServiceProvider,
  type Session,
  type Store,
  type Subjects,
  type User,
} from '@mop/data-access';
import type { Action } from '@mop/shared';
import type { Ability, RawRuleOf } from '@casl/ability';
import type { ActiveMembership, Principal } from './principal';

/**
 * The one ability of the platform. Conditions are Prisma `where` inputs, so the same rules check a
 * loaded record in memory and filter lists in the database (`accessibleBy`).
 */
export type AppSubjects =
  | 'all'
  | Subjects<{
      User: User;
      Session: Session;
      Membership: Membership;
      Merchant: Merchant;
      Store: Store;
      ServiceProvider: ServiceProvider;
      Authorization: Authorization;
      AuditEvent: AuditEvent;
      Application: Application;
      Product: Product;
      ProductEnrollment: ProductEnrollment;
      Invitation: Invitation;
      CouponStock: CouponStock;
      ApiKey: ApiKey;
    }>;
export type AppAbility = Ability<[Action, AppSubjects], PrismaQuery>;
type Builder = AbilityBuilder<AppAbility>;

export function defineAbilityFor(principal: Principal | null): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createPrismaAbility);
  if (principal) {
    defineSelfRules(builder, principal);
    const m = principal.membership;
    if (m) {
      switch (m.kind) {
        case 'PLATFORM':
          definePlatformRules(builder, m, principal.user.id);
          break;
        case 'MERCHANT':
          defineMerchantRules(builder, m);
          break;
        case 'PROVIDER':
          defineProviderRules(builder, m);
          break;
      }
    }
  }
  return builder.build();
}

/**
 * Every signed-in user manages its own profile, password and sessions, whatever the workspace
 * (through `me`, `mySessions`, …: reading the User or Membership lists stays a workspace right).
 */
function defineSelfRules({ can }: Builder, principal: Principal) {
  can('update', 'User', ['displayName', 'locale', 'password'], { id: principal.user.id });
  can('revoke', 'Session', { userId: principal.user.id });
  can('switch', 'Membership', { userId: principal.user.id, status: 'ACTIVE' });
}

function definePlatformRules({ can, cannot }: Builder, m: ActiveMembership, userId: string) {
  if (m.role === 'PLATFORM_ADMIN') {
    can('manage', 'all');
    // Platform staff disable accounts; they do not edit another person's profile or password.
    cannot('update', 'User', ['displayName', 'locale', 'password'], { id: { not: userId } });
    return;
  }
  // PLATFORM_REVIEWER: reads everything and decides applications.
  can('read', 'all');
  can('decide', 'Application');
}

function defineMerchantRules({ can }: Builder, m: ActiveMembership) {
  const merchantId = m.merchantId as string;
  const tenant = { merchantId };
  if (m.role === 'CLERK') {
    // A clerk works the counter of its own stores: nothing else of the merchant is its business.
    can('read', 'Store', { merchantId, id: { in: m.storeIds } });
    return;
  }
  can('read', 'Merchant', { id: merchantId });
  can('read', 'Store', tenant);
  can('read', 'Product');
  can('read', 'ProductEnrollment', tenant);
  const coupons = m.enabledProducts.includes('MERCHANT_COUPONS');
  if (coupons) can('read', 'CouponStock', tenant);
  // Marketers run coupon stocks (create, edit, activate, pause, end); owners and managers also fund them.
  if (coupons && m.tenantActive) can(['create', 'update'], 'CouponStock', tenant);
  if (m.role === 'MARKETER') return;
  if (coupons && m.tenantActive) can('adjustBudget', 'CouponStock', tenant);
  // OWNER and MANAGER
  can('read', 'Membership', tenant);
  can('read', 'Authorization', tenant);
  if (m.tenantActive) can(['create', 'update'], 'Store', tenant);
  if (m.role !== 'OWNER') return;
  can('read', 'AuditEvent', tenant);
  can('read', 'Application', tenant);
  can('read', 'Invitation', tenant);
  // Server-to-server credentials are the owner's, once the merchant has API access.
  const apiAccess = m.enabledProducts.includes('API_ACCESS');
  if (apiAccess) can('read', 'ApiKey', tenant);
  if (!m.tenantActive) return;
  if (apiAccess) can(['create', 'revoke'], 'ApiKey', tenant);
  can('update', 'Merchant', ['displayName', 'contactName', 'contactEmail', 'contactPhone', 'timeZone'], { id: merchantId });
  can(['create', 'update', 'delete'], 'Membership', tenant);
  can(['create', 'revoke'], 'Invitation', tenant);
  can(['update', 'revoke'], 'Authorization', tenant);
  can('create', 'ProductEnrollment', tenant);
}

function defineProviderRules({ can }: Builder, m: ActiveMembership) {
  const providerId = m.providerId as string;
  const authorizedMerchants = m.authorizations.map((a) => a.merchantId);
  can('read', 'ServiceProvider', { id: providerId });
  can('read', 'Authorization', { providerId });
  // Acting for a merchant starts with seeing it and its stores, within an active authorization.
  can('read', 'Merchant', { id: { in: authorizedMerchants } });
  can('read', 'Store', { merchantId: { in: authorizedMerchants } });
  // Coupons of merchants that granted COUPONS_MANAGE (and have the product: the service filters on it).
  const couponMerchants = merchantsWithScope(m, 'COUPONS_MANAGE');
  if (couponMerchants.length) can(['read', 'create', 'update', 'adjustBudget'], 'CouponStock', { merchantId: { in: couponMerchants } });
  if (m.role !== 'PROVIDER_ADMIN') return;
  can('read', 'Membership', { providerId });
  can('read', 'AuditEvent', { providerId });
  can('read', 'Application', { providerId });
  can('read', 'Invitation', { providerId });
  can('read', 'ApiKey', { providerId });
  if (!m.tenantActive) return;
  can(['create', 'revoke'], 'ApiKey', { providerId });
  can('update', 'ServiceProvider', ['name', 'contactName', 'contactEmail', 'website', 'description'], { id: providerId });
  can(['create', 'update', 'delete'], 'Membership', { providerId });
  can(['create', 'revoke'], 'Invitation', { providerId });
  can('create', 'Authorization', { providerId });
}

/** The rules the console receives (`me.permissions`) to drive menus and buttons. */
export function packAbility(ability: AppAbility): PackRule<RawRuleOf<AppAbility>>[] {
  return packRules(ability.rules);
}

/** The merchants a provider may act for with a scope: what on-behalf-of operations filter on. */
export function merchantsWithScope(m: ActiveMembership | null, scope: string): string[] {
  if (!m || m.kind !== 'PROVIDER' || !m.tenantActive) return [];
  return m.authorizations.filter((a) => (a.scopes as string[]).includes(scope)).map((a) => a.merchantId);
}
