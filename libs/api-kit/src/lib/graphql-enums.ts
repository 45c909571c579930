import { registerEnumType } from '@nestjs/graphql';
import { AuthorizationScopes, Roles, WorkspaceKinds } from '@mop/shared';

function enumObject<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

/** GraphQL enums shared by several modules, registered once. */
export const WorkspaceKindEnum = enumObject(WorkspaceKinds);
export const RoleEnum = enumObject(Roles);
export const AuthorizationScopeEnum = enumObject(AuthorizationScopes);
export const UserStatusEnum = enumObject(['ACTIVE', 'DISABLED'] as const);
export const TenantStatusEnum = enumObject(['PENDING_REVIEW', 'ACTIVE', 'REJECTED', 'SUSPENDED'] as const);
export const StoreStatusEnum = enumObject(['OPEN', 'CLOSED'] as const);
export const MembershipStatusEnum = enumObject(['ACTIVE', 'REMOVED'] as const);
export const AuthorizationStatusEnum = enumObject(['REQUESTED', 'ACTIVE', 'DECLINED', 'REVOKED', 'EXPIRED'] as const);

registerEnumType(WorkspaceKindEnum, { name: 'WorkspaceKind' });
registerEnumType(RoleEnum, { name: 'Role' });
registerEnumType(AuthorizationScopeEnum, { name: 'AuthorizationScope' });
registerEnumType(UserStatusEnum, { name: 'UserStatus' });
registerEnumType(TenantStatusEnum, { name: 'TenantStatus' });
registerEnumType(StoreStatusEnum, { name: 'StoreStatus' });
registerEnumType(MembershipStatusEnum, { name: 'MembershipStatus' });
registerEnumType(AuthorizationStatusEnum, { name: 'AuthorizationStatus' });
