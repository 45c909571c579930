/** Browser-safe mirrors of the domain enums (the Prisma enums are server-only). */
export const WorkspaceKinds = ['PLATFORM', 'MERCHANT', 'PROVIDER'] as const;
export type WorkspaceKind = (typeof WorkspaceKinds)[number];

export const PlatformRoles = ['PLATFORM_ADMIN', 'PLATFORM_REVIEWER'] as const;
export const MerchantRoles = ['OWNER', 'MANAGER', 'MARKETER', 'CLERK'] as const;
export const ProviderRoles = ['PROVIDER_ADMIN', 'PROVIDER_OPERATOR'] as const;
export const Roles = [...PlatformRoles, ...MerchantRoles, ...ProviderRoles] as const;
export type Role = (typeof Roles)[number];

export const RolesByWorkspace: Record<WorkspaceKind, readonly Role[]> = {
  PLATFORM: PlatformRoles,
  MERCHANT: MerchantRoles,
  PROVIDER: ProviderRoles,
};

export const AuthorizationScopes = [
  'COUPONS_MANAGE',
  'COUPONS_REDEEM',
  'MESSAGES_SEND',
  'MINIPROGRAMS_MANAGE',
  'REPORTS_VIEW',
] as const;
export type AuthorizationScope = (typeof AuthorizationScopes)[number];
