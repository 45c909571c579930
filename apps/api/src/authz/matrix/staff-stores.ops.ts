import { createHash, randomBytes } from 'node:crypto';
import { makeMembership, makeMerchant, makeStore, makeUser, uniqueSuffix, workspaceKey } from '@mop/data-access/testing';
import type { TenantRecords } from '../../testing/tenant-fixtures';
import {
  ACTORS,
  type Actor,
  type CaseContext,
  classify,
  emailOf,
  everywhere,
  isProviderSide,
  type Operation,
  PLATFORM,
  SIGNED_IN,
  type Side,
} from './matrix-kit';

const INVITATION_READERS: Record<Side, Actor[]> = { own: [...PLATFORM, 'OWNER', 'PROVIDER_ADMIN'], other: PLATFORM };
const STAFF_MANAGERS: Record<Side, Actor[]> = { own: ['PLATFORM_ADMIN', 'OWNER', 'PROVIDER_ADMIN'], other: ['PLATFORM_ADMIN'] };
const STORE_EDITORS: Record<Side, Actor[]> = { own: ['PLATFORM_ADMIN', 'OWNER', 'MANAGER'], other: ['PLATFORM_ADMIN'] };

/**
 * Staff (invitations, members) and stores. Every mutation runs on throwaway rows made for the cell
 * (a fresh invitation, member or store), so cells do not depend on each other. Staff rows are aimed
 * at the actor's own kind of workspace: a provider's side is its provider, everyone else's the merchant.
 */
export const STAFF_STORE_OPERATIONS: Operation[] = [
  ...invitationReads(),
  {
    name: 'invitationPreview',
    expected: everywhere(ACTORS),
    run: async (c) => {
      const { token } = await invitationFor(c);
      return classify(await c.api.gql('query($t: String!) { invitationPreview(token: $t) { status } }', { t: token }, { token: c.token }), (d) => Boolean(d['invitationPreview']));
    },
  },
  {
    name: 'inviteMember',
    // Into the active workspace only: there is no other tenant to aim at.
    expected: everywhere(['OWNER', 'PROVIDER_ADMIN']),
    run: async (c) => {
      const input = { email: `matrix-${uniqueSuffix()}@test.example`, role: isProviderSide(c.actor) ? 'PROVIDER_OPERATOR' : 'MARKETER' };
      return classify(await c.api.gql('mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id } }', { i: input }, { token: c.token }), (d) => Boolean(d['inviteMember']));
    },
  },
  {
    name: 'revokeInvitation',
    expected: STAFF_MANAGERS,
    run: async (c) => {
      const { id } = await invitationFor(c);
      return classify(await c.api.gql('mutation($id: ID!) { revokeInvitation(id: $id) { id } }', { id }, { token: c.token }), (d) => Boolean(d['revokeInvitation']));
    },
  },
  {
    name: 'acceptInvitation',
    // Own: an invitation sent to the actor's address; other: one sent to someone else.
    expected: { own: SIGNED_IN, other: [] },
    run: async (c) => {
      const merchant = await makeMerchant(c.api.db);
      const email = c.side === 'own' ? emailOf(c) ?? `nobody-${uniqueSuffix()}@test.example` : `someone-${uniqueSuffix()}@test.example`;
      const { token } = await createInvitation(c, { kind: 'MERCHANT', merchantId: merchant.id, providerId: null }, email);
      // A session of its own: accepting switches the session's workspace.
      const res = await c.api.gql('mutation($t: String!) { acceptInvitation(token: $t) { id } }', { t: token }, { token: await c.freshToken() });
      // Leave the actor as it was: a second membership would make its next sign-in ask for a workspace.
      await c.api.db.membership.deleteMany({ where: { merchantId: merchant.id } });
      return classify(res, (d) => Boolean(d['acceptInvitation']));
    },
  },
  {
    name: 'updateMember',
    expected: STAFF_MANAGERS,
    run: async (c) => {
      const id = await throwawayMember(c);
      const role = isProviderSide(c.actor) ? 'PROVIDER_ADMIN' : 'MANAGER';
      return classify(await c.api.gql('mutation($id: ID!, $i: UpdateMemberInput!) { updateMember(id: $id, input: $i) { id } }', { id, i: { role } }, { token: c.token }), (d) => Boolean(d['updateMember']));
    },
  },
  {
    name: 'removeMember',
    expected: STAFF_MANAGERS,
    run: async (c) => {
      const id = await throwawayMember(c);
      return classify(await c.api.gql('mutation($id: ID!) { removeMember(id: $id) { id } }', { id }, { token: c.token }), (d) => Boolean(d['removeMember']));
    },
  },
  {
    name: 'createStore',
    // In the active merchant only: there is no other tenant to aim at.
    expected: everywhere(['OWNER', 'MANAGER']),
    run: async (c) => {
      const input = { code: `M${uniqueSuffix().toUpperCase()}`, name: 'Matrix store', address: '1 Matrix Road' };
      return classify(await c.api.gql('mutation($i: StoreInput!) { createStore(input: $i) { id } }', { i: input }, { token: c.token }), (d) => Boolean(d['createStore']));
    },
  },
  {
    name: 'updateStore',
    expected: STORE_EDITORS,
    run: async (c) => {
      const store = await makeStore(c.api.db, { merchantId: c.t.merchantId });
      const res = await c.api.gql('mutation($id: ID!, $i: UpdateStoreInput!) { updateStore(id: $id, input: $i) { id } }', { id: store.id, i: { name: 'Renamed', version: store.version } }, { token: c.token });
      return classify(res, (d) => Boolean(d['updateStore']));
    },
  },
  {
    name: 'closeStore',
    expected: STORE_EDITORS,
    run: async (c) => {
      const store = await makeStore(c.api.db, { merchantId: c.t.merchantId });
      return classify(await c.api.gql('mutation($id: ID!) { closeStore(id: $id) { id } }', { id: store.id }, { token: c.token }), (d) => Boolean(d['closeStore']));
    },
  },
  {
    name: 'reopenStore',
    expected: STORE_EDITORS,
    run: async (c) => {
      const store = await makeStore(c.api.db, { merchantId: c.t.merchantId, status: 'CLOSED' });
      return classify(await c.api.gql('mutation($id: ID!) { reopenStore(id: $id) { id } }', { id: store.id }, { token: c.token }), (d) => Boolean(d['reopenStore']));
    },
  },
];

/** allInvitations, _allInvitationsMeta and Invitation, each aimed at a fresh invitation of the side's workspace. */
function invitationReads(): Operation[] {
  return [
    {
      name: 'allInvitations',
      expected: INVITATION_READERS,
      run: async (c) => {
        const { id } = await invitationFor(c);
        const res = await c.api.gql('query($f: InvitationFilter) { allInvitations(filter: $f, perPage: 100) { id } }', { f: { ids: [id] } }, { token: c.token });
        return classify(res, (d) => (d['allInvitations'] as { id: string }[]).some((r) => r.id === id));
      },
    },
    {
      name: '_allInvitationsMeta',
      expected: INVITATION_READERS,
      run: async (c) => {
        const { id } = await invitationFor(c);
        const res = await c.api.gql('query($f: InvitationFilter) { _allInvitationsMeta(filter: $f) { count } }', { f: { ids: [id] } }, { token: c.token });
        return classify(res, (d) => (d['_allInvitationsMeta'] as { count: number }).count === 1);
      },
    },
    {
      name: 'Invitation',
      expected: INVITATION_READERS,
      run: async (c) => {
        const { id } = await invitationFor(c);
        const res = await c.api.gql('query($id: ID!) { Invitation(id: $id) { id } }', { id }, { token: c.token });
        return classify(res, (d) => (d['Invitation'] as { id: string } | null)?.id === id);
      },
    },
  ];
}

type Workspace = { kind: 'MERCHANT' | 'PROVIDER'; merchantId: string | null; providerId: string | null };

function workspaceOf(t: TenantRecords, actor: Actor): Workspace {
  return isProviderSide(actor) ? { kind: 'PROVIDER', merchantId: null, providerId: t.providerId } : { kind: 'MERCHANT', merchantId: t.merchantId, providerId: null };
}

/** A pending invitation of the side's workspace (the provider for provider actors, else the merchant). */
function invitationFor(c: CaseContext) {
  return createInvitation(c, workspaceOf(c.t, c.actor), `matrix-${uniqueSuffix()}@test.example`);
}

async function createInvitation(c: CaseContext, ws: Workspace, email: string): Promise<{ id: string; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const row = await c.api.db.invitation.create({
    data: {
      email,
      role: ws.kind === 'PROVIDER' ? 'PROVIDER_OPERATOR' : 'MARKETER',
      kind: ws.kind,
      merchantId: ws.merchantId,
      providerId: ws.providerId,
      workspaceKey: workspaceKey(ws.kind, ws.merchantId, ws.providerId),
      tokenHash: createHash('sha256').update(token).digest('hex'),
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  return { id: row.id, token };
}

/** A member of the side's workspace that nobody else relies on. */
async function throwawayMember(c: CaseContext): Promise<string> {
  const user = await makeUser(c.api.db);
  const ws = workspaceOf(c.t, c.actor);
  const m = await makeMembership(c.api.db, { userId: user.id, merchantId: ws.merchantId ?? undefined, providerId: ws.providerId ?? undefined, role: ws.kind === 'PROVIDER' ? 'PROVIDER_OPERATOR' : 'MARKETER' });
  return m.id;
}
