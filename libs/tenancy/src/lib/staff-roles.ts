import { BadUserInputError, ForbiddenError, type RequestContext } from '@mop/api-kit';
import type { DbOrTx } from '@mop/data-access';
import { workspaceKey } from '@mop/data-access';
import type { Role } from '@mop/shared';

/** A merchant or provider workspace: where staff are invited and managed. */
export interface StaffWorkspace {
  kind: 'MERCHANT' | 'PROVIDER';
  merchantId: string | null;
  providerId: string | null;
  workspaceKey: string;
}

/** The roles an owner or provider admin may give. The owner is made by onboarding, never by invitation. */
export const ASSIGNABLE_ROLES: Record<StaffWorkspace['kind'], readonly Role[]> = {
  MERCHANT: ['MANAGER', 'MARKETER', 'CLERK'],
  PROVIDER: ['PROVIDER_ADMIN', 'PROVIDER_OPERATOR'],
};

export function staffWorkspaceOf(record: { kind: string; merchantId: string | null; providerId: string | null }): StaffWorkspace | null {
  if (record.kind !== 'MERCHANT' && record.kind !== 'PROVIDER') return null;
  return { kind: record.kind, merchantId: record.merchantId, providerId: record.providerId, workspaceKey: workspaceKey(record.kind, record.merchantId, record.providerId) };
}

/** The active workspace, when staff can be managed there (not in the platform workspace). */
export function activeStaffWorkspace(ctx: RequestContext): StaffWorkspace {
  const m = ctx.principal?.membership;
  const ws = m ? staffWorkspaceOf(m) : null;
  if (!ws) throw new ForbiddenError('Staff are invited from the workspace of a merchant or a service provider.');
  return ws;
}

/**
 * Checks a role and store assignment for a workspace and returns the store ids to bind (deduplicated):
 * a clerk works at one or more stores of its merchant, every other role at none.
 */
export async function checkStaffAssignment(db: DbOrTx, ws: StaffWorkspace, role: Role, storeIds: readonly string[] = []): Promise<string[]> {
  if (!ASSIGNABLE_ROLES[ws.kind].includes(role)) {
    throw new BadUserInputError('role', `In this workspace the role is one of ${ASSIGNABLE_ROLES[ws.kind].join(', ')}.`);
  }
  const ids = [...new Set(storeIds)];
  if (role !== 'CLERK') {
    if (ids.length) throw new BadUserInputError('storeIds', 'Only clerks are bound to stores.');
    return [];
  }
  if (!ids.length) throw new BadUserInputError('storeIds', 'Choose the stores the clerk works at.');
  const found = await db.store.count({ where: { id: { in: ids }, merchantId: ws.merchantId as string } });
  if (found !== ids.length) throw new BadUserInputError('storeIds', 'Some of the stores are not stores of this merchant.');
  return ids;
}
