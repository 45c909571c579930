import { AbilityBuilder } from '@casl/ability';
import { packRules, type PackRule } from '@casl/ability/extra';
import {
  createPrismaAbility,
  type ApiKey,
  type Application,
  type BulkIssueRun,
  type Coupon,
  type Redemption,
  type WebhookDelivery,
  type WebhookEndpoint,
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
import type { ActiveMembership, ApiKeyPrincipal, Principal } from './principal';

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
      Coupon: Coupon;
      Redemption: Redemption;
      BulkIssueRun: BulkIssueRun;
      WebhookEndpoint: WebhookEndpoint;
      WebhookDelivery: WebhookDelivery;
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
  can('lookup', 'Coupon');
  can('decide', 'Application');
}

function defineMerchantRules({ can }: Builder, m: ActiveMembership) {
  const merchantId = m.merchantId as string;
  const tenant = { merchantId };
  const coupons = m.enabledProducts.includes('MERCHANT_COUPONS');
  if (m.role === 'CLERK') {
    // A clerk works the counter of its own stores: nothing else of the merchant is its business.
    can('read', 'Store', { merchantId, id: { in: m.storeIds } });
    if (!coupons) return;
    // It looks coupons up by code and redeems them; the service holds it to its stores.
    can('lookup', 'Coupon', tenant);
    can('read', 'Redemption', { merchantId, storeId: { in: m.storeIds } });
    if (m.tenantActive) can(['redeem', 'reverse'], 'Coupon', tenant);
    return;
  }
  can('read', 'Merchant', { id: merchantId });
  can('read', 'Store', tenant);
  can('read', 'Product');
  can('read', 'ProductEnrollment', tenant);
  if (coupons) {
    can('read', ['CouponStock', 'Coupon', 'Redemption', 'BulkIssueRun'], tenant);
    can('lookup', 'Coupon', tenant);
  }
  // Marketers run coupon stocks (create, edit, activate, pause, end), hand coupons out (the sandbox,
  // bulk issue) and revoke them; owners and managers also fund stocks and work the counter.
  if (coupons && m.tenantActive) {
    can(['create', 'update'], 'CouponStock', tenant);
    can(['claim', 'revoke'], 'Coupon', tenant);
    can('create', 'BulkIssueRun', tenant);
  }
  if (m.role === 'MARKETER') return;
  if (coupons && m.tenantActive) {
    can('adjustBudget', 'CouponStock', tenant);
    can(['redeem', 'reverse'], 'Coupon', tenant);
  }
  // The merchant's webhook endpoint (coupon and message events) and what was sent to it.
  can('read', ['WebhookEndpoint', 'WebhookDelivery'], tenant);
  if (m.tenantActive) {
    can(['create', 'update', 'delete'], 'WebhookEndpoint', tenant);
    can('replay', 'WebhookDelivery', tenant);
  }
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
  if (couponMerchants.length) {
    const theirs = { merchantId: { in: couponMerchants } };
    can(['read', 'create', 'update', 'adjustBudget'], 'CouponStock', theirs);
    can(['read', 'lookup', 'claim', 'revoke'], 'Coupon', theirs);
    can(['read', 'create'], 'BulkIssueRun', theirs);
  }
  // The counter work a merchant may hand to a provider (COUPONS_REDEEM).
  const redeemMerchants = merchantsWithScope(m, 'COUPONS_REDEEM');
  if (redeemMerchants.length) {
    const theirs = { merchantId: { in: redeemMerchants } };
    can(['read', 'lookup', 'redeem', 'reverse'], 'Coupon', theirs);
    can('read', 'Redemption', theirs);
  }
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

/**
 * What an API key may do: its scopes, within what its tenant may do. A merchant key needs the
 * product; a provider key acts only for merchants whose authorization grants the matching scope.
 * Keys never manage people, keys or settings: those stay with signed-in users.
 */
export function defineAbilityForApiKey(key: ApiKeyPrincipal): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createPrismaAbility);
  const has = (scope: string) => key.scopes.includes(scope);
  let readers: string[] = [];
  let claimers: string[] = [];
  let redeemers: string[] = [];
  if (key.merchantId) {
    const own = key.enabledProducts.includes('MERCHANT_COUPONS') ? [key.merchantId] : [];
    readers = has('COUPONS_READ') || has('COUPONS_CLAIM') || has('COUPONS_REDEEM') || has('COUPONS_MANAGE') ? own : [];
    claimers = has('COUPONS_CLAIM') ? own : [];
    redeemers = has('COUPONS_REDEEM') ? own : [];
  } else if (key.providerId) {
    const granted = (scope: string) => key.authorizations.filter((a) => (a.scopes as string[]).includes(scope)).map((a) => a.merchantId);
    const couponMerchants = [...new Set([...granted('COUPONS_MANAGE'), ...granted('COUPONS_REDEEM')])];
    readers = has('COUPONS_READ') || has('COUPONS_REDEEM') || has('COUPONS_MANAGE') ? couponMerchants : [];
    redeemers = has('COUPONS_REDEEM') ? granted('COUPONS_REDEEM') : [];
  }
  if (readers.length) {
    can('read', ['CouponStock', 'Coupon'], { merchantId: { in: readers } });
    can('lookup', 'Coupon', { merchantId: { in: readers } });
  }
  if (redeemers.length) can('read', 'Redemption', { merchantId: { in: redeemers } });
  if (!key.tenantActive) return build();
  if (claimers.length) can('claim', 'Coupon', { merchantId: { in: claimers } });
  if (redeemers.length) can(['redeem', 'reverse'], 'Coupon', { merchantId: { in: redeemers } });
  return build();
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
