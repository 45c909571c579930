import type { AuthorizationScope, Role, WorkspaceKind } from '@mop/shared';

/** Who is acting, in which workspace: what the ability is built from. */
export interface Principal {
  user: { id: string; email: string; displayName: string };
  /** The active workspace's membership; null until the user picks one. */
  membership: ActiveMembership | null;
}

export interface ActiveMembership {
  id: string;
  kind: WorkspaceKind;
  role: Role;
  merchantId: string | null;
  providerId: string | null;
  /** Whether the merchant or provider may operate (ACTIVE); a suspended tenant may only look. */
  tenantActive: boolean;
  /** Clerks: the stores they may work at. */
  storeIds: string[];
  /** Providers: the ACTIVE, unexpired authorizations granted to the provider. */
  authorizations: { merchantId: string; scopes: AuthorizationScope[] }[];
  /** Merchants: the codes of the products the merchant is enrolled in (ACTIVE). */
  enabledProducts: string[];
}

/**
 * A merchant's or provider's server calling with an API key: no user, no workspace switch; what it
 * may do is its scopes, within what the tenant may do now (a suspended tenant's key only reads).
 */
export interface ApiKeyPrincipal {
  id: string;
  /** The public part of the key ("mop_ab12cd34ef56_…"): what the audit and the coupon rows name. */
  prefix: string;
  merchantId: string | null;
  providerId: string | null;
  scopes: string[];
  tenantActive: boolean;
  /** Merchant keys: the products the merchant is enrolled in. */
  enabledProducts: string[];
  /** Provider keys: the provider's ACTIVE, unexpired authorizations. */
  authorizations: { merchantId: string; scopes: AuthorizationScope[] }[];
}
