import { randomBytes } from 'node:crypto';
import { makeMembership, makeUser } from '@mop/data-access/testing';
import type { Actor } from './matrix-kit';
import {
  ACTORS,
  type CaseContext,
  classify,
  emailOf,
  everywhere,
  isProviderSide,
  type Operation,
  PLATFORM,
  randomIp,
  readOperations,
  SIGNED_IN,
  WITH_MEMBERSHIP,
} from './matrix-kit';

const MERCHANT_READERS: Actor[] = [...PLATFORM, 'OWNER', 'MANAGER', 'MARKETER', 'PROVIDER_ADMIN', 'PROVIDER_OPERATOR'];

/** The foundation's operations: tenant reads, the user's own account, sign-in and user administration. */
export const FOUNDATION_OPERATIONS: Operation[] = [
  ...readOperations('Merchant', 'Merchants', (t) => t.merchantId, { own: MERCHANT_READERS, other: PLATFORM }),
  // The own-tenant store is the clerk's own counter (Harbor's Bund store).
  ...readOperations('Store', 'Stores', (t) => t.storeId, { own: [...MERCHANT_READERS, 'CLERK'], other: PLATFORM }),
  ...readOperations('ServiceProvider', 'ServiceProviders', (t) => t.providerId, { own: [...PLATFORM, 'PROVIDER_ADMIN', 'PROVIDER_OPERATOR'], other: PLATFORM }),
  ...readOperations('Authorization', 'Authorizations', (t) => t.authorizationId, {
    own: [...PLATFORM, 'OWNER', 'MANAGER', 'PROVIDER_ADMIN', 'PROVIDER_OPERATOR'],
    other: PLATFORM,
  }),
  ...readOperations('Membership', 'Memberships', (t, a) => (isProviderSide(a) ? t.providerMembershipId : t.merchantMembershipId), {
    own: [...PLATFORM, 'OWNER', 'MANAGER', 'PROVIDER_ADMIN'],
    other: PLATFORM,
  }),
  ...readOperations('AuditEvent', 'AuditEvents', (t, a) => (isProviderSide(a) ? t.providerAuditEventId : t.merchantAuditEventId), {
    own: [...PLATFORM, 'OWNER', 'PROVIDER_ADMIN'],
    other: PLATFORM,
  }),
  ...readOperations('User', 'Users', (t) => t.userId, everywhere(PLATFORM)),
  {
    name: 'me',
    expected: everywhere(SIGNED_IN),
    run: async (c) => classify(await c.api.gql('{ me { id } }', {}, { token: c.token }), (d) => Boolean(d['me'])),
  },
  {
    name: 'mySessions',
    expected: everywhere(SIGNED_IN),
    run: async (c) => classify(await c.api.gql('{ mySessions { id } }', {}, { token: c.token }), (d) => Array.isArray(d['mySessions'])),
  },
  {
    name: 'login',
    expected: everywhere(ACTORS),
    run: async (c) =>
      classify(
        await c.api.gql('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { email: c.fixtures.loneUserEmail, password: 'Demo#2026pass' } }, { token: c.token, ip: randomIp() }),
        (d) => Boolean(d['login']),
      ),
  },
  {
    name: 'logout',
    expected: everywhere(SIGNED_IN),
    run: async (c) => classify(await c.api.gql('mutation { logout }', {}, { token: await c.freshToken() }), (d) => d['logout'] === true),
  },
  {
    name: 'updateProfile',
    expected: everywhere(SIGNED_IN),
    run: async (c) =>
      classify(await c.api.gql('mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { id } }', { i: { locale: 'en' } }, { token: c.token }), (d) => Boolean(d['updateProfile'])),
  },
  {
    name: 'changePassword',
    expected: everywhere(SIGNED_IN),
    // A wrong current password is BAD_USER_INPUT: past the authorization check, and changes nothing.
    run: async (c) =>
      classify(
        await c.api.gql('mutation($i: ChangePasswordInput!) { changePassword(input: $i) }', { i: { currentPassword: 'not-the-password', newPassword: 'another-long-password' } }, { token: c.token }),
        () => true,
      ),
  },
  {
    name: 'switchWorkspace',
    // Only into one's own memberships; another user's membership id is not found, for anyone.
    expected: { own: WITH_MEMBERSHIP, other: [] },
    run: async (c) => {
      const id = c.side === 'own' ? await ownMembershipId(c) : c.t.merchantMembershipId;
      if (!id) return classify(await c.api.gql('{ me { id } }', {}, { token: null }), () => false);
      return classify(await c.api.gql('mutation($id: ID!) { switchWorkspace(membershipId: $id) { id } }', { id }, { token: c.token }), (d) => Boolean(d['switchWorkspace']));
    },
  },
  {
    name: 'revokeSession',
    expected: { own: SIGNED_IN, other: [] },
    run: async (c) => {
      const id = c.side === 'own' ? await ownSpareSessionId(c) : await foreignSessionId(c);
      return classify(await c.api.gql('mutation($id: ID!) { revokeSession(id: $id) }', { id }, { token: c.token }), (d) => d['revokeSession'] === true);
    },
  },
  {
    name: 'disableUser',
    expected: everywhere(['PLATFORM_ADMIN']),
    run: async (c) => {
      const id = await throwawayMember(c, 'ACTIVE');
      return classify(await c.api.gql('mutation($id: ID!) { disableUser(id: $id, reason: "matrix test") { id } }', { id }, { token: c.token }), (d) => Boolean(d['disableUser']));
    },
  },
  {
    name: 'enableUser',
    expected: everywhere(['PLATFORM_ADMIN']),
    run: async (c) => {
      const id = await throwawayMember(c, 'DISABLED');
      return classify(await c.api.gql('mutation($id: ID!) { enableUser(id: $id) { id } }', { id }, { token: c.token }), (d) => Boolean(d['enableUser']));
    },
  },
];

async function ownMembershipId(c: CaseContext): Promise<string | null> {
  const email = emailOf(c);
  if (!email) return null;
  const m = await c.api.db.membership.findFirst({ where: { user: { email } } });
  return m?.id ?? null;
}

async function ownSpareSessionId(c: CaseContext): Promise<string> {
  const email = emailOf(c);
  if (!email) return (await foreignSessionId(c));
  const user = await c.api.db.user.findUniqueOrThrow({ where: { email } });
  return (await spareSession(c, user.id)).id;
}

async function foreignSessionId(c: CaseContext): Promise<string> {
  return (await spareSession(c, c.t.userId)).id;
}

function spareSession(c: CaseContext, userId: string) {
  const later = new Date(Date.now() + 3_600_000);
  return c.api.db.session.create({ data: { userId, tokenHash: randomBytes(32).toString('hex'), idleExpiresAt: later, absoluteExpiresAt: later } });
}

async function throwawayMember(c: CaseContext, status: 'ACTIVE' | 'DISABLED'): Promise<string> {
  const user = await makeUser(c.api.db, { status });
  await makeMembership(c.api.db, { userId: user.id, merchantId: c.t.merchantId, role: 'MARKETER' });
  return user.id;
}

