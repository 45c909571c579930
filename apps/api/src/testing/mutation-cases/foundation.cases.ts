import { randomBytes } from 'node:crypto';
import { DEMO_IDS, makeMembership, makeUser } from '@mop/data-access/testing';
import type { ApiHarness } from '../api-harness';

import type { FailingCall, MutationCase } from './mutation-case';

async function throwawayUser(api: ApiHarness, status: 'ACTIVE' | 'DISABLED' = 'ACTIVE') {
  const user = await makeUser(api.db, { status });
  await makeMembership(api.db, { userId: user.id, merchantId: DEMO_IDS.merchants.harbor, role: 'MARKETER' });
  return user;
}

async function signedInThrowaway(api: ApiHarness) {
  const user = await throwawayUser(api);
  return { user, token: await api.login(user.email) };
}

const admin = (api: ApiHarness) => api.login('admin@mop.local');

export const FOUNDATION_MUTATION_CASES: MutationCase[] = [
  {
    name: 'login',
    document: 'mutation($input: LoginInput!) { login(input: $input) { token } }',
    action: 'auth.login',
    valid: async (api) => ({ token: null, variables: { input: { email: (await throwawayUser(api)).email, password: 'Demo#2026pass' } } }),
    badInputs: async () => [
      { token: null, variables: { input: { email: 'not-an-email', password: 'Demo#2026pass' } }, field: 'email' },
      { token: null, variables: { input: { email: 'owner@harbor.example', password: '' } }, field: 'password' },
      { token: null, variables: { input: { email: 'owner@harbor.example' } }, field: 'password' },
    ],
  },
  {
    name: 'logout',
    document: 'mutation { logout }',
    action: 'auth.logout',
    valid: async (api) => ({ token: (await signedInThrowaway(api)).token, variables: {} }),
    badInputs: async (api) => [{ token: (await signedInThrowaway(api)).token, document: 'mutation { logout(everywhere: true) }', variables: {}, field: 'query' }],
  },
  {
    name: 'switchWorkspace',
    document: 'mutation($id: ID!) { switchWorkspace(membershipId: $id) { id } }',
    action: 'session.switchWorkspace',
    valid: async (api) => {
      const token = await api.login('consultant@mop.local');
      const m = await api.db.membership.findFirstOrThrow({ where: { userId: DEMO_IDS.users.consultant, kind: 'PROVIDER' } });
      return { token, variables: { id: m.id } };
    },
    badInputs: async (api) => {
      const token = await api.login('consultant@mop.local');
      return [
        { token, variables: { id: 'not-a-uuid' }, field: 'membershipId' },
        { token, variables: { id: 42 }, field: 'membershipId' },
      ];
    },
  },
  {
    name: 'updateProfile',
    document: 'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { displayName } }',
    action: 'user.updateProfile',
    valid: async (api) => ({ token: (await signedInThrowaway(api)).token, variables: { input: { displayName: 'Renamed Person', locale: 'zh-CN' } } }),
    badInputs: async (api) => {
      const { token } = await signedInThrowaway(api);
      return [
        { token, variables: { input: { displayName: '' } }, field: 'displayName' },
        { token, variables: { input: { displayName: 'x'.repeat(81) } }, field: 'displayName' },
        { token, variables: { input: { locale: 'fr' } }, field: 'locale' },
        { token, variables: { input: {} }, field: 'input' },
      ];
    },
  },
  {
    name: 'changePassword',
    document: 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }',
    action: 'user.changePassword',
    valid: async (api) => ({ token: (await signedInThrowaway(api)).token, variables: { input: { currentPassword: 'Demo#2026pass', newPassword: 'correct horse battery' } } }),
    badInputs: async (api) => {
      const { user, token } = await signedInThrowaway(api);
      return [
        { token, variables: { input: { currentPassword: 'Demo#2026pass', newPassword: 'short' } }, field: 'newPassword' },
        { token, variables: { input: { currentPassword: 'Demo#2026pass', newPassword: 'onlylettershere' } }, field: 'newPassword' },
        { token, variables: { input: { currentPassword: 'Demo#2026pass', newPassword: user.email } }, field: 'newPassword' },
        { token, variables: { input: { currentPassword: 'Demo#2026pass', newPassword: 'Demo#2026pass' } }, field: 'newPassword' },
        { token, variables: { input: { currentPassword: 'wrong password!', newPassword: 'correct horse battery' } }, field: 'currentPassword' },
        { token, variables: { input: { currentPassword: '', newPassword: 'correct horse battery' } }, field: 'currentPassword' },
      ];
    },
  },
  {
    name: 'revokeSession',
    document: 'mutation($id: ID!) { revokeSession(id: $id) }',
    action: 'session.revoke',
    valid: async (api) => {
      const { user, token } = await signedInThrowaway(api);
      await api.login(user.email);
      const other = await api.db.session.findFirstOrThrow({ where: { userId: user.id }, orderBy: { createdAt: 'desc' } });
      return { token, variables: { id: other.id } };
    },
    badInputs: async (api) => [{ token: (await signedInThrowaway(api)).token, variables: { id: 'session-1' }, field: 'id' }],
  },
  {
    name: 'disableUser',
    document: 'mutation($id: ID!, $reason: String!) { disableUser(id: $id, reason: $reason) { status } }',
    action: 'user.disable',
    valid: async (api) => ({ token: await admin(api), variables: { id: (await throwawayUser(api)).id, reason: 'left the company' } }),
    badInputs: async (api) => {
      const token = await admin(api);
      const { id } = await throwawayUser(api);
      return [
        { token, variables: { id: 'nope', reason: 'left the company' }, field: 'id' },
        { token, variables: { id, reason: '' }, field: 'reason' },
        { token, variables: { id, reason: 'x'.repeat(501) }, field: 'reason' },
      ];
    },
  },
  {
    name: 'enableUser',
    document: 'mutation($id: ID!) { enableUser(id: $id) { status } }',
    action: 'user.enable',
    valid: async (api) => ({ token: await admin(api), variables: { id: (await throwawayUser(api, 'DISABLED')).id } }),
    badInputs: async (api) => [{ token: await admin(api), variables: { id: `${randomBytes(4).toString('hex')}` }, field: 'id' }],
  },
];

/** Calls that fail for reasons other than input (authorization, state): they must change nothing either. */
export const FOUNDATION_FAILING_CALLS: FailingCall[] = [
  {
    name: 'disableUser by a merchant owner',
    call: async (api) => ({
      document: 'mutation($id: ID!) { disableUser(id: $id, reason: "not allowed") { id } }',
      token: await api.login('owner@harbor.example'),
      variables: { id: DEMO_IDS.users.harborClerk },
      code: 'FORBIDDEN',
    }),
  },
  {
    name: 'enableUser of an active user',
    call: async (api) => ({
      document: 'mutation($id: ID!) { enableUser(id: $id) { id } }',
      token: await api.login('admin@mop.local'),
      variables: { id: DEMO_IDS.users.harborClerk },
      code: 'CONFLICT',
    }),
  },
  {
    name: 'switchWorkspace into another user\'s membership',
    call: async (api) => ({
      document: 'mutation($id: ID!) { switchWorkspace(membershipId: $id) { id } }',
      token: await api.login('owner@harbor.example'),
      variables: { id: (await api.db.membership.findFirstOrThrow({ where: { userId: DEMO_IDS.users.lumenOwner } })).id },
      code: 'NOT_FOUND',
    }),
  },
  {
    name: 'logout without a session',
    call: async () => ({ document: 'mutation { logout }', token: null, variables: {}, code: 'UNAUTHENTICATED' }),
  },
  {
    name: 'login with a wrong password',
    call: async () => ({
      document: 'mutation($input: LoginInput!) { login(input: $input) { token } }',
      token: null,
      variables: { input: { email: 'owner@harbor.example', password: 'wrong password!' } },
      code: 'UNAUTHENTICATED',
    }),
  },
];
