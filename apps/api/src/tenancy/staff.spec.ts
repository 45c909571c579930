import { createHash, randomUUID } from 'node:crypto';
import { DEMO_IDS, makeMembership, makeUser, uniqueSuffix } from '@mop/data-access/testing';
import { type ApiHarness, errorCode, type GqlResult, startApi } from '../testing/api-harness';

const INVITATION_FIELDS = 'id email role kind merchantId providerId storeIds status expiresAt createdAt invitedByName acceptUrl';
const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { ${INVITATION_FIELDS} } }`;
const REVOKE = `mutation($id: ID!) { revokeInvitation(id: $id) { ${INVITATION_FIELDS} } }`;
const ACCEPT = 'mutation($token: String!) { acceptInvitation(token: $token) { email activeWorkspace { kind id name role } workspaces { name } } }';
const PREVIEW = 'query($token: String!) { invitationPreview(token: $token) { workspaceName kind role email status expiresAt } }';
const UPDATE_MEMBER = 'mutation($id: ID!, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { id role status storeIds } }';
const REMOVE_MEMBER = 'mutation($id: ID!) { removeMember(id: $id) { id role status } }';
const ME = '{ me { activeWorkspace { name role } workspaces { name } } }';

interface InvitationView {
  id: string;
  email: string;
  role: string;
  kind: string;
  merchantId: string | null;
  providerId: string | null;
  storeIds: string[];
  status: string;
  expiresAt: string;
  invitedByName: string | null;
  acceptUrl: string | null;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const tokenOf = (url: string) => new URL(url.replace('/#', ''), 'http://console.local').searchParams.get('token') as string;

describe('staff: invitations and members', () => {
  let api: ApiHarness;
  let owner: string;
  let providerAdmin: string;

  beforeAll(async () => {
    api = await startApi();
    owner = await api.login('owner@harbor.example');
    providerAdmin = await api.login('admin@nimbus.example');
  });
  afterAll(() => api.close());

  async function call<T = Record<string, unknown>>(document: string, variables: Record<string, unknown>, token: string | null) {
    const requestId = `staff-${randomUUID()}`;
    const res = (await api.gql<T>(document, variables, { token, headers: { 'x-request-id': requestId } })) as GqlResult<T>;
    return { res, events: await api.db.auditEvent.findMany({ where: { requestId } }) };
  }

  async function invite(input: Record<string, unknown>, token = owner): Promise<InvitationView & { token: string }> {
    const { res } = await call<{ inviteMember: InvitationView }>(INVITE, { input }, token);
    if (!res.data?.inviteMember) throw new Error(JSON.stringify(res.errors));
    return { ...res.data.inviteMember, token: tokenOf(res.data.inviteMember.acceptUrl as string) };
  }

  /** A person with an account (and no membership yet), signed in. */
  async function person() {
    const user = await makeUser(api.db, { email: `invitee-${uniqueSuffix()}@test.example` });
    return { user, email: user.email, token: await api.login(user.email) };
  }

  const fieldOf = (res: GqlResult) => ({ code: errorCode(res), field: res.errors?.[0]?.extensions?.field });

  describe('inviteMember', () => {
    it('creates a pending invitation, returns the accept link once, keeps only its hash, and writes the e-mail to the outbox', async () => {
      const email = `New.Hire-${uniqueSuffix()}@Test.Example`;
      const { res, events } = await call<{ inviteMember: InvitationView }>(INVITE, { input: { email, role: 'MARKETER' } }, owner);
      expect(res.errors).toBeUndefined();
      const invitation = res.data?.inviteMember as InvitationView;
      expect(invitation).toMatchObject({
        email: email.toLowerCase(),
        role: 'MARKETER',
        kind: 'MERCHANT',
        merchantId: DEMO_IDS.merchants.harbor,
        providerId: null,
        storeIds: [],
        status: 'PENDING',
        invitedByName: expect.any(String),
      });
      expect(invitation.acceptUrl).toMatch(/^\/#\/invitations\/accept\?token=[A-Za-z0-9_-]{43}$/);
      const days = (new Date(invitation.expiresAt).getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.99);
      expect(days).toBeLessThanOrEqual(7);

      const token = tokenOf(invitation.acceptUrl as string);
      const row = await api.db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
      expect(row.tokenHash).toBe(sha256(token));
      expect(JSON.stringify(row)).not.toContain(token);

      const mail = await api.db.outboxEmail.findMany({ where: { to: email.toLowerCase() } });
      expect(mail).toHaveLength(1);
      expect(mail[0]).toMatchObject({ template: 'invitation', status: 'PENDING', merchantId: DEMO_IDS.merchants.harbor });
      expect(mail[0].subject).toContain('Harbor Coffee');
      expect(mail[0].body).toContain(invitation.acceptUrl);
      expect(JSON.stringify(mail[0].variables)).not.toContain(row.tokenHash);

      expect(events).toEqual([expect.objectContaining({ action: 'invitation.create', subjectType: 'Invitation', subjectId: invitation.id, merchantId: DEMO_IDS.merchants.harbor })]);
      expect(JSON.stringify(events[0].changes)).not.toContain(token);

      // the link is never shown again
      const again = await api.gql<{ Invitation: InvitationView; allInvitations: InvitationView[] }>(
        'query($id: ID!) { Invitation(id: $id) { acceptUrl status } allInvitations(perPage: 100) { acceptUrl } }',
        { id: invitation.id },
        { token: owner },
      );
      expect(again.data?.Invitation).toEqual({ acceptUrl: null, status: 'PENDING' });
      expect(again.data?.allInvitations.every((i) => i.acceptUrl === null)).toBe(true);
    });

    it.each([
      [{ role: 'OWNER' }, 'role'],
      [{ role: 'PROVIDER_ADMIN' }, 'role'],
      [{ role: 'PLATFORM_ADMIN' }, 'role'],
      [{ role: 'CLERK' }, 'storeIds'],
      [{ role: 'CLERK', storeIds: [] }, 'storeIds'],
      [{ role: 'CLERK', storeIds: [DEMO_IDS.stores.lumenCentral] }, 'storeIds'],
      [{ role: 'CLERK', storeIds: [DEMO_IDS.stores.harborHq, DEMO_IDS.stores.lumenEast] }, 'storeIds'],
      [{ role: 'MANAGER', storeIds: [DEMO_IDS.stores.harborHq] }, 'storeIds'],
      [{ role: 'MANAGER', storeIds: ['not-a-store'] }, 'storeIds'],
      [{ role: 'MANAGER', email: 'not an email' }, 'email'],
    ])('refuses a merchant invitation %j naming %s, and writes nothing', async (input, field) => {
      const before = await Promise.all([api.db.invitation.count(), api.db.outboxEmail.count()]);
      const { res, events } = await call(INVITE, { input: { email: `x-${uniqueSuffix()}@test.example`, ...input } }, owner);
      expect(fieldOf(res)).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(events).toHaveLength(0);
      expect(await Promise.all([api.db.invitation.count(), api.db.outboxEmail.count()])).toEqual(before);
    });

    it('binds a clerk invitation to stores of the merchant (listed once each)', async () => {
      const invitation = await invite({ email: `clerk-${uniqueSuffix()}@test.example`, role: 'CLERK', storeIds: [DEMO_IDS.stores.harborPier, DEMO_IDS.stores.harborPier] });
      expect(invitation.storeIds).toEqual([DEMO_IDS.stores.harborPier]);
    });

    it('lets a provider admin invite provider roles only, and no stores', async () => {
      const ok = await invite({ email: `op-${uniqueSuffix()}@test.example`, role: 'PROVIDER_OPERATOR' }, providerAdmin);
      expect(ok).toMatchObject({ kind: 'PROVIDER', providerId: DEMO_IDS.providers.nimbus, merchantId: null, status: 'PENDING' });
      const manager = await call(INVITE, { input: { email: `x-${uniqueSuffix()}@test.example`, role: 'MANAGER' } }, providerAdmin);
      expect(fieldOf(manager.res)).toEqual({ code: 'BAD_USER_INPUT', field: 'role' });
      const stores = await call(INVITE, { input: { email: `x-${uniqueSuffix()}@test.example`, role: 'PROVIDER_ADMIN', storeIds: [DEMO_IDS.stores.harborHq] } }, providerAdmin);
      expect(fieldOf(stores.res)).toEqual({ code: 'BAD_USER_INPUT', field: 'storeIds' });
    });

    it('refuses to invite someone who is already a member with CONFLICT on email', async () => {
      const { res, events } = await call(INVITE, { input: { email: 'Manager@Harbor.example', role: 'MARKETER' } }, owner);
      expect(fieldOf(res)).toEqual({ code: 'CONFLICT', field: 'email' });
      expect(events).toHaveLength(0);
    });

    it('replaces a pending invitation of the same address: the old link stops working', async () => {
      const invitee = await person();
      const first = await invite({ email: invitee.email, role: 'MARKETER' });
      const second = await invite({ email: invitee.email, role: 'MANAGER' });
      const rows = await api.db.invitation.findMany({ where: { email: invitee.email }, orderBy: { createdAt: 'asc' } });
      expect(rows.map((r) => [r.id, r.revokedAt !== null])).toEqual([
        [first.id, true],
        [second.id, false],
      ]);
      const old = await call(ACCEPT, { token: first.token }, invitee.token);
      expect(errorCode(old.res)).toBe('CONFLICT');
      expect(old.res.errors?.[0].extensions?.reason).toBe('REVOKED');
      const accepted = await call<{ acceptInvitation: { activeWorkspace: { role: string } } }>(ACCEPT, { token: second.token }, invitee.token);
      expect(accepted.res.data?.acceptInvitation.activeWorkspace.role).toBe('MANAGER');
    });

    it('keeps one pending invitation when the same address is invited many times at once', async () => {
      const email = `race-${uniqueSuffix()}@test.example`;
      const results = await Promise.all(Array.from({ length: 6 }, () => call(INVITE, { input: { email, role: 'MARKETER' } }, owner)));
      expect(results.every((r) => !r.res.errors)).toBe(true);
      const now = new Date();
      expect(await api.db.invitation.count({ where: { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } } })).toBe(1);
      expect(await api.db.invitation.count({ where: { email } })).toBe(6);
    });

    it('is for owners and provider admins in their workspace', async () => {
      const input = { email: `x-${uniqueSuffix()}@test.example`, role: 'MARKETER' };
      for (const who of ['manager@harbor.example', 'marketer@harbor.example', 'clerk@harbor.example', 'operator@nimbus.example', 'admin@mop.local', 'reviewer@mop.local']) {
        const { res, events } = await call(INVITE, { input }, await api.login(who));
        expect({ who, code: errorCode(res) }).toEqual({ who, code: 'FORBIDDEN' });
        expect(events).toHaveLength(0);
      }
      expect(errorCode((await call(INVITE, { input }, null)).res)).toBe('UNAUTHENTICATED');
    });
  });

  describe('invitationPreview', () => {
    it('shows what the invitation is to anyone holding the link; an unknown token is NOT_FOUND', async () => {
      const invitation = await invite({ email: `preview-${uniqueSuffix()}@test.example`, role: 'CLERK', storeIds: [DEMO_IDS.stores.harborHq] });
      const res = await api.gql<{ invitationPreview: Record<string, unknown> }>(PREVIEW, { token: invitation.token });
      expect(res.data?.invitationPreview).toEqual({
        workspaceName: 'Harbor Coffee',
        kind: 'MERCHANT',
        role: 'CLERK',
        email: invitation.email,
        status: 'PENDING',
        expiresAt: invitation.expiresAt,
      });
      expect(errorCode(await api.gql(PREVIEW, { token: 'A'.repeat(43) }))).toBe('NOT_FOUND');
      expect(fieldOf(await api.gql(PREVIEW, { token: 'nope' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'token' });
    });
  });

  describe('acceptInvitation', () => {
    it('joins the workspace, makes it the active one, and works once', async () => {
      const invitee = await person();
      const invitation = await invite({ email: invitee.email.toUpperCase(), role: 'MARKETER' });
      const { res, events } = await call<{ acceptInvitation: { activeWorkspace: Record<string, unknown>; workspaces: unknown[] } }>(ACCEPT, { token: invitation.token }, invitee.token);
      expect(res.errors).toBeUndefined();
      expect(res.data?.acceptInvitation.activeWorkspace).toEqual({ kind: 'MERCHANT', id: DEMO_IDS.merchants.harbor, name: 'Harbor Coffee', role: 'MARKETER' });
      expect(res.data?.acceptInvitation.workspaces).toHaveLength(1);
      expect(events).toEqual([
        expect.objectContaining({ action: 'invitation.accept', subjectId: invitation.id, actorUserId: invitee.user.id, workspaceKind: 'MERCHANT', merchantId: DEMO_IDS.merchants.harbor }),
      ]);
      expect(await api.db.membership.findMany({ where: { userId: invitee.user.id } })).toEqual([expect.objectContaining({ role: 'MARKETER', status: 'ACTIVE', merchantId: DEMO_IDS.merchants.harbor })]);
      // the session now acts in Harbor
      const stores = await api.gql<{ allStores: unknown[] }>('{ allStores { id } }', {}, { token: invitee.token });
      expect(stores.data?.allStores).toHaveLength(2);

      const again = await call(ACCEPT, { token: invitation.token }, invitee.token);
      expect(errorCode(again.res)).toBe('CONFLICT');
      expect(again.res.errors?.[0].extensions?.reason).toBe('ACCEPTED');
      expect(again.events).toHaveLength(0);
      const listed = await api.gql<{ Invitation: { status: string } }>('query($id: ID!) { Invitation(id: $id) { status } }', { id: invitation.id }, { token: owner });
      expect(listed.data?.Invitation.status).toBe('ACCEPTED');
    });

    it('creates exactly one membership when the link is accepted 20 times at once', async () => {
      const invitee = await person();
      const invitation = await invite({ email: invitee.email, role: 'MARKETER' });
      const sessions = await Promise.all(Array.from({ length: 4 }, () => api.login(invitee.email)));
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => call(ACCEPT, { token: invitation.token }, sessions[i % sessions.length])));
      expect(results.filter((r) => !r.res.errors)).toHaveLength(1);
      expect(results.filter((r) => errorCode(r.res) === 'CONFLICT')).toHaveLength(19);
      expect(results.reduce((n, r) => n + r.events.length, 0)).toBe(1);
      expect(await api.db.membership.count({ where: { userId: invitee.user.id } })).toBe(1);
    });

    it('refuses someone signed in with another e-mail address (FORBIDDEN) and leaves the invitation usable', async () => {
      const invitee = await person();
      const stranger = await person();
      const invitation = await invite({ email: invitee.email, role: 'MARKETER' });
      const { res, events } = await call(ACCEPT, { token: invitation.token }, stranger.token);
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(events).toHaveLength(0);
      expect(await api.db.membership.count({ where: { userId: stranger.user.id } })).toBe(0);
      expect(errorCode((await call(ACCEPT, { token: invitation.token }, null)).res)).toBe('UNAUTHENTICATED');
      expect((await call(ACCEPT, { token: invitation.token }, invitee.token)).res.errors).toBeUndefined();
    });

    it('refuses an expired invitation with CONFLICT (reason EXPIRED) and lists it as EXPIRED', async () => {
      const invitee = await person();
      const invitation = await invite({ email: invitee.email, role: 'MARKETER' });
      await api.db.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
      const { res, events } = await call(ACCEPT, { token: invitation.token }, invitee.token);
      expect(errorCode(res)).toBe('CONFLICT');
      expect(res.errors?.[0].extensions?.reason).toBe('EXPIRED');
      expect(events).toHaveLength(0);
      expect(await api.db.membership.count({ where: { userId: invitee.user.id } })).toBe(0);
      expect((await api.gql<{ invitationPreview: { status: string } }>(PREVIEW, { token: invitation.token })).data?.invitationPreview.status).toBe('EXPIRED');
      const expired = await api.gql<{ allInvitations: { id: string }[] }>('{ allInvitations(perPage: 100, filter: { status: EXPIRED }) { id } }', {}, { token: owner });
      expect(expired.data?.allInvitations.map((i) => i.id)).toEqual([invitation.id]);
      // and it can no longer be withdrawn
      expect(errorCode((await call(REVOKE, { id: invitation.id }, owner)).res)).toBe('CONFLICT');
    });

    it('an unknown token is NOT_FOUND; a malformed one BAD_USER_INPUT', async () => {
      const invitee = await person();
      expect(errorCode((await call(ACCEPT, { token: 'B'.repeat(43) }, invitee.token)).res)).toBe('NOT_FOUND');
      expect(fieldOf((await call(ACCEPT, { token: '' }, invitee.token)).res)).toEqual({ code: 'BAD_USER_INPUT', field: 'token' });
    });

    it('binds an invited clerk to its stores: it sees only them', async () => {
      const invitee = await person();
      const invitation = await invite({ email: invitee.email, role: 'CLERK', storeIds: [DEMO_IDS.stores.harborPier] });
      await call(ACCEPT, { token: invitation.token }, invitee.token);
      const res = await api.gql<{ allStores: { id: string }[] }>('{ allStores(perPage: 100) { id } }', {}, { token: invitee.token });
      expect(res.data?.allStores.map((s) => s.id)).toEqual([DEMO_IDS.stores.harborPier]);
    });

    it('joins a provider workspace from a provider admin\'s invitation, beside an existing merchant membership', async () => {
      const invitee = await person();
      await makeMembership(api.db, { userId: invitee.user.id, merchantId: DEMO_IDS.merchants.lumen, role: 'MARKETER' });
      const invitation = await invite({ email: invitee.email, role: 'PROVIDER_OPERATOR' }, providerAdmin);
      const { res, events } = await call<{ acceptInvitation: { activeWorkspace: { kind: string; name: string }; workspaces: unknown[] } }>(ACCEPT, { token: invitation.token }, invitee.token);
      expect(res.data?.acceptInvitation.activeWorkspace).toMatchObject({ kind: 'PROVIDER', name: 'Nimbus Digital' });
      expect(res.data?.acceptInvitation.workspaces).toHaveLength(2);
      // the event belongs to the provider joined, not to the merchant the user also works for
      expect(events).toEqual([expect.objectContaining({ action: 'invitation.accept', workspaceKind: 'PROVIDER', providerId: DEMO_IDS.providers.nimbus, merchantId: null })]);
    });
  });

  describe('revokeInvitation', () => {
    it('withdraws a pending invitation once; its link then fails', async () => {
      const invitee = await person();
      const invitation = await invite({ email: invitee.email, role: 'MARKETER' });
      const { res, events } = await call<{ revokeInvitation: InvitationView }>(REVOKE, { id: invitation.id }, owner);
      expect(res.data?.revokeInvitation).toMatchObject({ id: invitation.id, status: 'REVOKED', acceptUrl: null });
      expect(events).toEqual([expect.objectContaining({ action: 'invitation.revoke', subjectId: invitation.id })]);
      const again = await call(REVOKE, { id: invitation.id }, owner);
      expect(errorCode(again.res)).toBe('CONFLICT');
      expect(again.events).toHaveLength(0);
      const accept = await call(ACCEPT, { token: invitation.token }, invitee.token);
      expect(errorCode(accept.res)).toBe('CONFLICT');
      expect(accept.res.errors?.[0].extensions?.reason).toBe('REVOKED');
    });

    it('cannot withdraw an accepted invitation', async () => {
      const invitee = await person();
      const invitation = await invite({ email: invitee.email, role: 'MARKETER' });
      await call(ACCEPT, { token: invitation.token }, invitee.token);
      expect(errorCode((await call(REVOKE, { id: invitation.id }, owner)).res)).toBe('CONFLICT');
    });

    it("answers another tenant's invitation with NOT_FOUND", async () => {
      const lumenInvitation = await invite({ email: `l-${uniqueSuffix()}@test.example`, role: 'MARKETER' }, await api.login('owner@lumen.example'));
      for (const token of [owner, providerAdmin]) {
        const { res, events } = await call(REVOKE, { id: lumenInvitation.id }, token);
        expect(errorCode(res)).toBe('NOT_FOUND');
        expect(events).toHaveLength(0);
      }
      const list = await api.gql<{ allInvitations: { merchantId: string | null; providerId: string | null }[] }>('{ allInvitations(perPage: 100) { merchantId providerId } }', {}, { token: owner });
      expect(new Set(list.data?.allInvitations.map((i) => i.merchantId))).toEqual(new Set([DEMO_IDS.merchants.harbor]));
    });
  });

  describe('allInvitations', () => {
    it('filters by status and address', async () => {
      const tag = uniqueSuffix();
      const pending = await invite({ email: `filter-${tag}-a@test.example`, role: 'MARKETER' });
      const revoked = await invite({ email: `filter-${tag}-b@test.example`, role: 'MARKETER' });
      await call(REVOKE, { id: revoked.id }, owner);
      const q = async (filter: Record<string, unknown>) =>
        (await api.gql<{ allInvitations: { id: string }[]; _allInvitationsMeta: { count: number } }>(
          'query($f: InvitationFilter) { allInvitations(perPage: 100, filter: $f) { id } _allInvitationsMeta(filter: $f) { count } }',
          { f: filter },
          { token: owner },
        )).data;
      expect((await q({ q: `filter-${tag}` }))?._allInvitationsMeta.count).toBe(2);
      expect((await q({ q: `filter-${tag}`, status: 'PENDING' }))?.allInvitations.map((i) => i.id)).toEqual([pending.id]);
      expect((await q({ q: `filter-${tag}`, status: 'REVOKED' }))?.allInvitations.map((i) => i.id)).toEqual([revoked.id]);
    });
  });

  describe('updateMember', () => {
    async function member(role: 'MARKETER' | 'CLERK' | 'MANAGER', storeIds?: string[]) {
      const user = await makeUser(api.db);
      const m = await makeMembership(api.db, { userId: user.id, merchantId: DEMO_IDS.merchants.harbor, role, storeIds });
      return { user, membership: m };
    }

    it('turns a marketer into a clerk of some stores and back; the clerk sees only its stores meanwhile', async () => {
      const { user, membership } = await member('MARKETER');
      const token = await api.login(user.email);
      const toClerk = await call<{ updateMember: { role: string; storeIds: string[] } }>(UPDATE_MEMBER, { id: membership.id, input: { role: 'CLERK', storeIds: [DEMO_IDS.stores.harborPier] } }, owner);
      expect(toClerk.res.data?.updateMember).toMatchObject({ role: 'CLERK', storeIds: [DEMO_IDS.stores.harborPier] });
      expect(toClerk.events).toEqual([
        expect.objectContaining({
          action: 'membership.update',
          subjectId: membership.id,
          changes: { before: { role: 'MARKETER', storeIds: [] }, after: { role: 'CLERK', storeIds: [DEMO_IDS.stores.harborPier] } },
        }),
      ]);
      const seen = await api.gql<{ allStores: { id: string }[] }>('{ allStores(perPage: 100) { id } }', {}, { token });
      expect(seen.data?.allStores.map((s) => s.id)).toEqual([DEMO_IDS.stores.harborPier]);

      const moved = await call<{ updateMember: { storeIds: string[] } }>(UPDATE_MEMBER, { id: membership.id, input: { storeIds: [DEMO_IDS.stores.harborHq] } }, owner);
      expect(moved.res.data?.updateMember.storeIds).toEqual([DEMO_IDS.stores.harborHq]);

      const back = await call<{ updateMember: { role: string; storeIds: string[] } }>(UPDATE_MEMBER, { id: membership.id, input: { role: 'MANAGER' } }, owner);
      expect(back.res.data?.updateMember).toMatchObject({ role: 'MANAGER', storeIds: [] });
      expect((await api.gql<{ allStores: unknown[] }>('{ allStores(perPage: 100) { id } }', {}, { token })).data?.allStores).toHaveLength(2);
    });

    it.each([
      [{ role: 'OWNER' }, 'role'],
      [{ role: 'PROVIDER_OPERATOR' }, 'role'],
      [{ role: 'CLERK' }, 'storeIds'],
      [{ storeIds: [DEMO_IDS.stores.harborHq] }, 'storeIds'],
      [{ role: 'CLERK', storeIds: [DEMO_IDS.stores.lumenEast] }, 'storeIds'],
      [{}, 'input'],
    ])('refuses %j naming %s', async (input, field) => {
      const { membership } = await member('MARKETER');
      const { res, events } = await call(UPDATE_MEMBER, { id: membership.id, input }, owner);
      expect(fieldOf(res)).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(events).toHaveLength(0);
      expect((await api.db.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe('MARKETER');
    });

    it("cannot change the owner's membership or one's own (CONFLICT), nor another tenant's (NOT_FOUND)", async () => {
      const ownerMembership = await api.db.membership.findFirstOrThrow({ where: { userId: DEMO_IDS.users.harborOwner } });
      expect(errorCode((await call(UPDATE_MEMBER, { id: ownerMembership.id, input: { role: 'MANAGER' } }, owner)).res)).toBe('CONFLICT');
      expect(errorCode((await call(UPDATE_MEMBER, { id: ownerMembership.id, input: { role: 'MANAGER' } }, await api.login('admin@mop.local'))).res)).toBe('CONFLICT');
      const adminMembership = await api.db.membership.findFirstOrThrow({ where: { userId: DEMO_IDS.users.nimbusAdmin } });
      expect(errorCode((await call(UPDATE_MEMBER, { id: adminMembership.id, input: { role: 'PROVIDER_OPERATOR' } }, providerAdmin)).res)).toBe('CONFLICT');
      const lumenManager = await api.db.membership.findFirstOrThrow({ where: { userId: DEMO_IDS.users.lumenManager } });
      expect(errorCode((await call(UPDATE_MEMBER, { id: lumenManager.id, input: { role: 'MARKETER' } }, owner)).res)).toBe('NOT_FOUND');
      expect(errorCode((await call(UPDATE_MEMBER, { id: lumenManager.id, input: { role: 'MARKETER' } }, providerAdmin)).res)).toBe('NOT_FOUND');
      // a manager reads the staff but does not manage it
      const { membership } = await member('MARKETER');
      expect(errorCode((await call(UPDATE_MEMBER, { id: membership.id, input: { role: 'MANAGER' } }, await api.login('manager@harbor.example'))).res)).toBe('FORBIDDEN');
    });

    it('lets a provider admin change its operators between provider roles', async () => {
      const user = await makeUser(api.db);
      const m = await makeMembership(api.db, { userId: user.id, providerId: DEMO_IDS.providers.nimbus, role: 'PROVIDER_OPERATOR' });
      const ok = await call<{ updateMember: { role: string } }>(UPDATE_MEMBER, { id: m.id, input: { role: 'PROVIDER_ADMIN' } }, providerAdmin);
      expect(ok.res.data?.updateMember.role).toBe('PROVIDER_ADMIN');
      expect(fieldOf((await call(UPDATE_MEMBER, { id: m.id, input: { role: 'MANAGER' } }, providerAdmin)).res)).toEqual({ code: 'BAD_USER_INPUT', field: 'role' });
    });
  });

  describe('removeMember', () => {
    it("ends the membership: the member's sessions lose the workspace and the merchant's data at once", async () => {
      const user = await makeUser(api.db);
      const membership = await makeMembership(api.db, { userId: user.id, merchantId: DEMO_IDS.merchants.harbor, role: 'MANAGER' });
      const [sessionA, sessionB] = [await api.login(user.email), await api.login(user.email)];
      expect((await api.gql<{ allStores: unknown[] }>('{ allStores { id } }', {}, { token: sessionA })).data?.allStores).toHaveLength(2);

      const { res, events } = await call<{ removeMember: { status: string } }>(REMOVE_MEMBER, { id: membership.id }, owner);
      expect(res.data?.removeMember).toEqual({ id: membership.id, role: 'MANAGER', status: 'REMOVED' });
      expect(events).toEqual([expect.objectContaining({ action: 'membership.remove', subjectId: membership.id, merchantId: DEMO_IDS.merchants.harbor })]);
      expect((events[0].changes as { sessionsLeftWorkspace: number }).sessionsLeftWorkspace).toBe(2);

      for (const token of [sessionA, sessionB]) {
        const me = await api.gql<{ me: { activeWorkspace: unknown; workspaces: unknown[] } }>(ME, {}, { token });
        expect(me.data?.me).toEqual({ activeWorkspace: null, workspaces: [] });
        expect(errorCode(await api.gql('{ allStores { id } }', {}, { token }))).toBe('FORBIDDEN');
        expect(errorCode(await api.gql('query($id: ID!) { Store(id: $id) { id } }', { id: DEMO_IDS.stores.harborHq }, { token }))).toBe('FORBIDDEN');
      }
      expect(await api.db.session.count({ where: { activeMembershipId: membership.id } })).toBe(0);
      // and cannot switch back into it
      expect(errorCode(await api.gql('mutation($id: ID!) { switchWorkspace(membershipId: $id) { id } }', { id: membership.id }, { token: sessionA }))).toBe('NOT_FOUND');

      const again = await call(REMOVE_MEMBER, { id: membership.id }, owner);
      expect(errorCode(again.res)).toBe('CONFLICT');
      expect(again.events).toHaveLength(0);
    });

    it('brings a removed member back on the same membership when re-invited', async () => {
      const user = await makeUser(api.db);
      const membership = await makeMembership(api.db, { userId: user.id, merchantId: DEMO_IDS.merchants.harbor, role: 'MANAGER' });
      await call(REMOVE_MEMBER, { id: membership.id }, owner);
      const invitation = await invite({ email: user.email, role: 'CLERK', storeIds: [DEMO_IDS.stores.harborHq] });
      const token = await api.login(user.email);
      const accepted = await call<{ acceptInvitation: { activeWorkspace: { role: string } } }>(ACCEPT, { token: invitation.token }, token);
      expect(accepted.res.data?.acceptInvitation.activeWorkspace.role).toBe('CLERK');
      const rows = await api.db.membership.findMany({ where: { userId: user.id }, include: { stores: true } });
      expect(rows).toEqual([expect.objectContaining({ id: membership.id, status: 'ACTIVE', role: 'CLERK', stores: [expect.objectContaining({ storeId: DEMO_IDS.stores.harborHq })] })]);
    });

    it("lets a provider admin remove its staff; a platform admin's removal is recorded for the provider", async () => {
      const [a, b] = [await makeUser(api.db), await makeUser(api.db)];
      const byAdmin = await makeMembership(api.db, { userId: a.id, providerId: DEMO_IDS.providers.nimbus, role: 'PROVIDER_OPERATOR' });
      const byPlatform = await makeMembership(api.db, { userId: b.id, providerId: DEMO_IDS.providers.nimbus, role: 'PROVIDER_OPERATOR' });
      const first = await call(REMOVE_MEMBER, { id: byAdmin.id }, providerAdmin);
      expect(first.events).toEqual([expect.objectContaining({ action: 'membership.remove', providerId: DEMO_IDS.providers.nimbus, merchantId: null })]);
      const second = await call(REMOVE_MEMBER, { id: byPlatform.id }, await api.login('admin@mop.local'));
      expect(second.events).toEqual([expect.objectContaining({ action: 'membership.remove', workspaceKind: 'PLATFORM', providerId: DEMO_IDS.providers.nimbus })]);
      const log = await api.gql<{ allAuditEvents: { subjectId: string }[] }>('{ allAuditEvents(perPage: 100, filter: { action: "membership.remove" }) { subjectId } }', {}, { token: providerAdmin });
      expect(log.data?.allAuditEvents.map((e) => e.subjectId)).toEqual(expect.arrayContaining([byAdmin.id, byPlatform.id]));
    });

    it('cannot remove oneself or the owner (CONFLICT), nor another tenant\'s member (NOT_FOUND)', async () => {
      const ownerMembership = await api.db.membership.findFirstOrThrow({ where: { userId: DEMO_IDS.users.harborOwner } });
      const self = await call(REMOVE_MEMBER, { id: ownerMembership.id }, owner);
      expect(errorCode(self.res)).toBe('CONFLICT');
      expect(errorCode((await call(REMOVE_MEMBER, { id: ownerMembership.id }, await api.login('admin@mop.local'))).res)).toBe('CONFLICT');
      const lumenClerk = await api.db.membership.findFirstOrThrow({ where: { userId: DEMO_IDS.users.lumenClerk } });
      const foreign = await call(REMOVE_MEMBER, { id: lumenClerk.id }, owner);
      expect(errorCode(foreign.res)).toBe('NOT_FOUND');
      expect(foreign.events).toHaveLength(0);
      expect((await api.db.membership.findUniqueOrThrow({ where: { id: lumenClerk.id } })).status).toBe('ACTIVE');
      expect((await api.db.membership.findUniqueOrThrow({ where: { id: ownerMembership.id } })).status).toBe('ACTIVE');
    });
  });
});
