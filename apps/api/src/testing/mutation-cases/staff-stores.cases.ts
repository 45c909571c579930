import { DEMO_IDS, makeMembership, makeStore, makeUser, uniqueSuffix } from '@mop/data-access/testing';
import type { ApiHarness } from '../api-harness';
import type { FailingCall, MutationCase } from './mutation-case';

const owner = (api: ApiHarness) => api.login('owner@harbor.example');
const freshEmail = () => `case-${uniqueSuffix()}@test.example`;
const freshCode = () => `C${uniqueSuffix().toUpperCase()}`;

/** A store of Harbor Coffee that no other case uses. */
const harborStore = (api: ApiHarness, status: 'OPEN' | 'CLOSED' = 'OPEN') => makeStore(api.db, { merchantId: DEMO_IDS.merchants.harbor, status });

/** A marketer of Harbor Coffee that no other case uses. */
async function harborMember(api: ApiHarness) {
  const user = await makeUser(api.db);
  return makeMembership(api.db, { userId: user.id, merchantId: DEMO_IDS.merchants.harbor, role: 'MARKETER' });
}

/** An invitation (through the API, as the owner) and the accept link's token. */
async function invitation(api: ApiHarness, email = freshEmail()) {
  const res = await api.gql<{ inviteMember: { id: string; acceptUrl: string } }>(
    'mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id acceptUrl } }',
    { i: { email, role: 'MARKETER' } },
    { token: await owner(api) },
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return { id: res.data.inviteMember.id, token: res.data.inviteMember.acceptUrl.split('token=')[1] };
}

/** A signed-in person without a membership, invited to Harbor Coffee. */
async function invitee(api: ApiHarness) {
  const user = await makeUser(api.db);
  const { id, token } = await invitation(api, user.email);
  return { user, invitationId: id, invitationToken: token, session: await api.login(user.email) };
}

export const STAFF_STORE_MUTATION_CASES: MutationCase[] = [
  {
    name: 'createStore',
    document: 'mutation($input: StoreInput!) { createStore(input: $input) { id } }',
    action: 'store.create',
    valid: async (api) => ({
      token: await owner(api),
      variables: { input: { code: freshCode(), name: 'Harbor Coffee · Case', address: '1 Case Rd', openingHours: [{ weekday: 1, opens: '08:00', closes: '18:00' }] } },
    }),
    badInputs: async (api) => {
      const token = await owner(api);
      const ok = { code: freshCode(), name: 'Store', address: '1 Case Rd' };
      return [
        { token, variables: { input: { ...ok, code: 'no spaces allowed' } }, field: 'code' },
        { token, variables: { input: { ...ok, name: '' } }, field: 'name' },
        { token, variables: { input: { ...ok, address: ' ' } }, field: 'address' },
        { token, variables: { input: { ...ok, openingHours: [{ weekday: 9, opens: '08:00', closes: '18:00' }] } }, field: 'openingHours.0.weekday' },
        { token, variables: { input: { ...ok, openingHours: [{ weekday: 1, opens: '18:00', closes: '08:00' }] } }, field: 'openingHours.0.closes' },
        { token, variables: { input: { ...ok, openingHours: [{ weekday: 1, opens: '08:00', closes: '12:00' }, { weekday: 1, opens: '11:00', closes: '13:00' }] } }, field: 'openingHours' },
      ];
    },
  },
  {
    name: 'updateStore',
    document: 'mutation($id: ID!, $input: UpdateStoreInput!) { updateStore(id: $id, input: $input) { id } }',
    action: 'store.update',
    valid: async (api) => ({ token: await owner(api), variables: { id: (await harborStore(api)).id, input: { name: 'Renamed by case', version: 1 } } }),
    badInputs: async (api) => {
      const token = await owner(api);
      const { id } = await harborStore(api);
      return [
        { token, variables: { id: 'store-1', input: { name: 'x', version: 1 } }, field: 'id' },
        { token, variables: { id, input: { version: 1 } }, field: 'input' },
        { token, variables: { id, input: { name: '', version: 1 } }, field: 'name' },
        { token, variables: { id, input: { name: 'x', version: 0 } }, field: 'version' },
        { token, variables: { id, input: { openingHours: [{ weekday: 2, opens: '7:00', closes: '18:00' }], version: 1 } }, field: 'openingHours.0.opens' },
      ];
    },
  },
  {
    name: 'closeStore',
    document: 'mutation($id: ID!) { closeStore(id: $id) { id } }',
    action: 'store.close',
    valid: async (api) => ({ token: await owner(api), variables: { id: (await harborStore(api)).id } }),
    badInputs: async (api) => [{ token: await owner(api), variables: { id: 'HQ' }, field: 'id' }],
  },
  {
    name: 'reopenStore',
    document: 'mutation($id: ID!) { reopenStore(id: $id) { id } }',
    action: 'store.reopen',
    valid: async (api) => ({ token: await owner(api), variables: { id: (await harborStore(api, 'CLOSED')).id } }),
    badInputs: async (api) => [{ token: await owner(api), variables: { id: 'HQ' }, field: 'id' }],
  },
  {
    name: 'inviteMember',
    document: 'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id acceptUrl } }',
    action: 'invitation.create',
    valid: async (api) => ({ token: await owner(api), variables: { input: { email: freshEmail(), role: 'CLERK', storeIds: [DEMO_IDS.stores.harborPier] } } }),
    badInputs: async (api) => {
      const token = await owner(api);
      return [
        { token, variables: { input: { email: 'nobody', role: 'MARKETER' } }, field: 'email' },
        { token, variables: { input: { email: freshEmail(), role: 'OWNER' } }, field: 'role' },
        { token, variables: { input: { email: freshEmail(), role: 'PROVIDER_OPERATOR' } }, field: 'role' },
        { token, variables: { input: { email: freshEmail(), role: 'CLERK' } }, field: 'storeIds' },
        { token, variables: { input: { email: freshEmail(), role: 'CLERK', storeIds: [DEMO_IDS.stores.lumenCentral] } }, field: 'storeIds' },
        { token, variables: { input: { email: freshEmail(), role: 'MARKETER', storeIds: [DEMO_IDS.stores.harborHq] } }, field: 'storeIds' },
        { token, variables: { input: { email: freshEmail(), role: 'CLERK', storeIds: ['HQ'] } }, field: 'storeIds' },
      ];
    },
  },
  {
    name: 'revokeInvitation',
    document: 'mutation($id: ID!) { revokeInvitation(id: $id) { id status } }',
    action: 'invitation.revoke',
    valid: async (api) => ({ token: await owner(api), variables: { id: (await invitation(api)).id } }),
    badInputs: async (api) => [{ token: await owner(api), variables: { id: 'invitation-1' }, field: 'id' }],
  },
  {
    name: 'acceptInvitation',
    document: 'mutation($token: String!) { acceptInvitation(token: $token) { id activeWorkspace { name } } }',
    action: 'invitation.accept',
    valid: async (api) => {
      const { session, invitationToken } = await invitee(api);
      return { token: session, variables: { token: invitationToken } };
    },
    badInputs: async (api) => {
      const { session } = await invitee(api);
      return [
        { token: session, variables: { token: '' }, field: 'token' },
        { token: session, variables: { token: 'not-a-token' }, field: 'token' },
      ];
    },
  },
  {
    name: 'updateMember',
    document: 'mutation($id: ID!, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { id role } }',
    action: 'membership.update',
    valid: async (api) => ({ token: await owner(api), variables: { id: (await harborMember(api)).id, input: { role: 'CLERK', storeIds: [DEMO_IDS.stores.harborHq] } } }),
    badInputs: async (api) => {
      const token = await owner(api);
      const { id } = await harborMember(api);
      return [
        { token, variables: { id: 'member-1', input: { role: 'MANAGER' } }, field: 'id' },
        { token, variables: { id, input: {} }, field: 'input' },
        { token, variables: { id, input: { role: 'OWNER' } }, field: 'role' },
        { token, variables: { id, input: { role: 'CLERK' } }, field: 'storeIds' },
        { token, variables: { id, input: { storeIds: [DEMO_IDS.stores.harborHq] } }, field: 'storeIds' },
      ];
    },
  },
  {
    name: 'removeMember',
    document: 'mutation($id: ID!) { removeMember(id: $id) { id status } }',
    action: 'membership.remove',
    valid: async (api) => ({ token: await owner(api), variables: { id: (await harborMember(api)).id } }),
    badInputs: async (api) => [{ token: await owner(api), variables: { id: 'member-1' }, field: 'id' }],
  },
];

/** Staff and store calls refused for authorization or state: they change nothing either. */
export const STAFF_STORE_FAILING_CALLS: FailingCall[] = [
  {
    name: 'closeStore of a closed store',
    call: async (api) => ({ document: 'mutation($id: ID!) { closeStore(id: $id) { id } }', token: await owner(api), variables: { id: (await harborStore(api, 'CLOSED')).id }, code: 'CONFLICT' }),
  },
  {
    name: 'updateStore from a stale version',
    call: async (api) => {
      const store = await harborStore(api);
      await api.db.store.update({ where: { id: store.id }, data: { version: { increment: 1 } } });
      return { document: 'mutation($id: ID!, $i: UpdateStoreInput!) { updateStore(id: $id, input: $i) { id } }', token: await owner(api), variables: { id: store.id, i: { name: 'Stale', version: 1 } }, code: 'CONFLICT' };
    },
  },
  {
    name: 'createStore with a code the merchant uses',
    call: async (api) => ({ document: 'mutation($i: StoreInput!) { createStore(input: $i) { id } }', token: await owner(api), variables: { i: { code: 'HQ', name: 'Dup', address: 'x' } }, code: 'CONFLICT' }),
  },
  {
    name: "closeStore of another merchant's store",
    call: async (api) => ({ document: 'mutation($id: ID!) { closeStore(id: $id) { id } }', token: await owner(api), variables: { id: DEMO_IDS.stores.lumenCentral }, code: 'NOT_FOUND' }),
  },
  {
    name: 'inviteMember of an existing member',
    call: async (api) => ({ document: 'mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id } }', token: await owner(api), variables: { i: { email: 'manager@harbor.example', role: 'MARKETER' } }, code: 'CONFLICT' }),
  },
  {
    name: 'inviteMember by a manager',
    call: async (api) => ({ document: 'mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id } }', token: await api.login('manager@harbor.example'), variables: { i: { email: freshEmail(), role: 'MARKETER' } }, code: 'FORBIDDEN' }),
  },
  {
    name: 'acceptInvitation signed in with another address',
    call: async (api) => {
      const { invitationToken } = await invitee(api);
      const stranger = await makeUser(api.db);
      return { document: 'mutation($t: String!) { acceptInvitation(token: $t) { id } }', token: await api.login(stranger.email), variables: { t: invitationToken }, code: 'FORBIDDEN' };
    },
  },
  {
    name: 'acceptInvitation of an expired invitation',
    call: async (api) => {
      const { session, invitationId, invitationToken } = await invitee(api);
      await api.db.invitation.update({ where: { id: invitationId }, data: { expiresAt: new Date(Date.now() - 1000) } });
      return { document: 'mutation($t: String!) { acceptInvitation(token: $t) { id } }', token: session, variables: { t: invitationToken }, code: 'CONFLICT' };
    },
  },
  {
    name: 'revokeInvitation of a revoked invitation',
    call: async (api) => {
      const { id } = await invitation(api);
      await api.db.invitation.update({ where: { id }, data: { revokedAt: new Date() } });
      return { document: 'mutation($id: ID!) { revokeInvitation(id: $id) { id } }', token: await owner(api), variables: { id }, code: 'CONFLICT' };
    },
  },
  {
    name: 'removeMember of oneself',
    call: async (api) => {
      const m = await api.db.membership.findFirstOrThrow({ where: { userId: DEMO_IDS.users.harborOwner } });
      return { document: 'mutation($id: ID!) { removeMember(id: $id) { id } }', token: await owner(api), variables: { id: m.id }, code: 'CONFLICT' };
    },
  },
  {
    name: "updateMember of another merchant's member",
    call: async (api) => {
      const m = await api.db.membership.findFirstOrThrow({ where: { userId: DEMO_IDS.users.lumenMarketer } });
      return { document: 'mutation($id: ID!, $i: UpdateMemberInput!) { updateMember(id: $id, input: $i) { id } }', token: await owner(api), variables: { id: m.id, i: { role: 'MANAGER' } }, code: 'NOT_FOUND' };
    },
  },
];
