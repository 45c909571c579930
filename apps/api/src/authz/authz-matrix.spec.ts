import { randomBytes } from 'node:crypto';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { makeMembership, makeUser } from '@mop/data-access/testing';
import type { Role } from '@mop/shared';
import { type ApiHarness, type GqlResult, startApi } from '../testing/api-harness';
import { createTenantFixtures, type TenantFixtures, type TenantRecords } from '../testing/tenant-fixtures';

/**
 * The authorization matrix: every GraphQL operation × every role (plus a signed-in user without any
 * membership, and nobody signed in) × {a record of the actor's own tenant, one of another tenant}.
 * Each cell says whether the operation may reach the record; a cell that disagrees with the table
 * below is an unexpected allow or deny. Lists are asked for the target by id, so "allowed" means the
 * row comes back, and "denied" means an auth error or a list without it.
 */

type Actor = 'anonymous' | 'noMembership' | Role;
type Side = 'own' | 'other';
type Outcome = 'allow' | 'deny';

const ACTOR_EMAILS: Record<Exclude<Actor, 'anonymous' | 'noMembership'>, string> = {
  PLATFORM_ADMIN: 'admin@mop.local',
  PLATFORM_REVIEWER: 'reviewer@mop.local',
  OWNER: 'owner@harbor.example',
  MANAGER: 'manager@harbor.example',
  MARKETER: 'marketer@harbor.example',
  CLERK: 'clerk@harbor.example',
  PROVIDER_ADMIN: 'admin@nimbus.example',
  PROVIDER_OPERATOR: 'operator@nimbus.example',
};
const ACTORS: Actor[] = ['anonymous', 'noMembership', ...(Object.keys(ACTOR_EMAILS) as Role[])];
const PLATFORM: Actor[] = ['PLATFORM_ADMIN', 'PLATFORM_REVIEWER'];
const WITH_MEMBERSHIP: Actor[] = ACTORS.filter((a) => a !== 'anonymous' && a !== 'noMembership');
const SIGNED_IN: Actor[] = ACTORS.filter((a) => a !== 'anonymous');
const isProviderSide = (a: Actor) => a === 'PROVIDER_ADMIN' || a === 'PROVIDER_OPERATOR';

interface CaseContext {
  api: ApiHarness;
  actor: Actor;
  side: Side;
  t: TenantRecords;
  fixtures: TenantFixtures;
  /** The actor's shared session token (null for anonymous). */
  token: string | null;
  /** A session of the actor's own, for operations that end it. */
  freshToken(): Promise<string | null>;
}

interface Operation {
  name: string;
  expected: Record<Side, Actor[]>;
  run(c: CaseContext): Promise<Outcome>;
}

function classify(res: GqlResult, allowedWhen: (data: Record<string, unknown>) => boolean): Outcome {
  const code = res.errors?.[0]?.extensions?.code;
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'NOT_FOUND') return 'deny';
  if (code === 'BAD_USER_INPUT' || code === 'CONFLICT') return 'allow'; // got past authorization
  if (code) throw new Error(`unexpected error ${code}: ${res.errors?.[0]?.message}`);
  return allowedWhen(res.data as Record<string, unknown>) ? 'allow' : 'deny';
}

/** allX, _allXMeta and X for one resource, each aimed at the target record by id. */
function readOperations(type: string, plural: string, pick: (t: TenantRecords, actor: Actor) => string, expected: Record<Side, Actor[]>): Operation[] {
  const filter = `${type}Filter`;
  return [
    {
      name: `all${plural}`,
      expected,
      run: async (c) => {
        const id = pick(c.t, c.actor);
        const res = await c.api.gql(`query($f: ${filter}) { all${plural}(filter: $f, perPage: 100) { id } }`, { f: { ids: [id] } }, { token: c.token });
        return classify(res, (d) => (d[`all${plural}`] as { id: string }[]).some((r) => r.id === id));
      },
    },
    {
      name: `_all${plural}Meta`,
      expected,
      run: async (c) => {
        const res = await c.api.gql(`query($f: ${filter}) { _all${plural}Meta(filter: $f) { count } }`, { f: { ids: [pick(c.t, c.actor)] } }, { token: c.token });
        return classify(res, (d) => (d[`_all${plural}Meta`] as { count: number }).count === 1);
      },
    },
    {
      name: type,
      expected,
      run: async (c) => {
        const id = pick(c.t, c.actor);
        const res = await c.api.gql(`query($id: ID!) { ${type}(id: $id) { id } }`, { id }, { token: c.token });
        return classify(res, (d) => (d[type] as { id: string } | null)?.id === id);
      },
    },
  ];
}

const everywhere = (actors: Actor[]) => ({ own: actors, other: actors });
const MERCHANT_READERS: Actor[] = [...PLATFORM, 'OWNER', 'MANAGER', 'MARKETER', 'PROVIDER_ADMIN', 'PROVIDER_OPERATOR'];

const OPERATIONS: Operation[] = [
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

function randomIp() {
  return `10.${1 + Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
}

function emailOf(c: CaseContext): string | null {
  if (c.actor === 'anonymous') return null;
  if (c.actor === 'noMembership') return c.fixtures.loneUserEmail;
  return ACTOR_EMAILS[c.actor];
}

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

describe('authorization matrix', () => {
  let api: ApiHarness;
  let fixtures: TenantFixtures;
  const tokens = new Map<Actor, string | null>();

  beforeAll(async () => {
    api = await startApi();
    fixtures = await createTenantFixtures(api.db);
    for (const actor of ACTORS) {
      const email = actor === 'anonymous' ? null : actor === 'noMembership' ? fixtures.loneUserEmail : ACTOR_EMAILS[actor];
      tokens.set(actor, email ? await api.login(email) : null);
    }
  });
  afterAll(() => api.close());

  it('covers every operation of the schema', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const inSchema = [...Object.keys(schema.getQueryType()?.getFields() ?? {}), ...Object.keys(schema.getMutationType()?.getFields() ?? {})].sort();
    expect(OPERATIONS.map((o) => o.name).sort()).toEqual(inSchema);
  });

  it('allows and denies exactly what the table says', async () => {
    const surprises: string[] = [];
    let cases = 0;
    let unexpectedAllows = 0;
    let unexpectedDenies = 0;
    for (const op of OPERATIONS) {
      for (const actor of ACTORS) {
        for (const side of ['own', 'other'] as Side[]) {
          const context: CaseContext = {
            api,
            actor,
            side,
            t: fixtures[side],
            fixtures,
            token: tokens.get(actor) ?? null,
            freshToken: async () => {
              const email = actor === 'anonymous' ? null : actor === 'noMembership' ? fixtures.loneUserEmail : ACTOR_EMAILS[actor];
              return email ? api.login(email) : null;
            },
          };
          const outcome = await op.run(context);
          const expected: Outcome = op.expected[side].includes(actor) ? 'allow' : 'deny';
          cases += 1;
          if (outcome !== expected) {
            if (outcome === 'allow') unexpectedAllows += 1;
            else unexpectedDenies += 1;
            surprises.push(`${op.name} as ${actor} on ${side} tenant: expected ${expected}, got ${outcome}`);
          }
        }
      }
    }
    console.log(`authz matrix: ${cases} cases, ${unexpectedAllows} unexpected allows, ${unexpectedDenies} unexpected denies`);
    expect(surprises).toEqual([]);
    expect(cases).toBe(OPERATIONS.length * ACTORS.length * 2);
  }, 180_000);
});
