import type { Db, Prisma } from '@mop/data-access';
import type { Workspace } from './identity.types';

export const workspaceInclude = {
  merchant: { select: { displayName: true, status: true, statusReason: true } },
  provider: { select: { name: true, status: true, statusReason: true } },
} satisfies Prisma.MembershipInclude;

type MembershipWithTenant = Prisma.MembershipGetPayload<{ include: typeof workspaceInclude }>;

export function toWorkspace(m: MembershipWithTenant): Workspace {
  return {
    membershipId: m.id,
    kind: m.kind,
    id: m.merchantId ?? m.providerId ?? null,
    name: m.merchant?.displayName ?? m.provider?.name ?? 'Platform',
    role: m.role,
    status: m.merchant?.status ?? m.provider?.status ?? null,
    statusReason: m.merchant?.statusReason ?? m.provider?.statusReason ?? null,
  };
}

/** A user's active memberships as workspaces, platform first, then by name. */
export async function loadWorkspaces(db: Db, userId: string): Promise<Workspace[]> {
  const memberships = await db.membership.findMany({
    where: { userId, status: 'ACTIVE' },
    include: workspaceInclude,
    orderBy: [{ kind: 'asc' }, { createdAt: 'asc' }],
  });
  return memberships.map(toWorkspace);
}
