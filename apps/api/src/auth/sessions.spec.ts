import { DEMO_IDS } from '@mop/data-access/testing';
import { type ApiHarness, errorCode, startApi } from '../testing/api-harness';

const ME = '{ me { id email activeWorkspace { name role } } }';

describe('sessions', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi({ LOGIN_MAX_FAILURES: '5' });
  });
  afterAll(() => api.close());

  it('signs in with the cookie and a bearer token, and signs out for good', async () => {
    const token = await api.login('owner@harbor.example');
    const me = await api.gql<{ me: { email: string; activeWorkspace: { role: string } } }>(ME, {}, { token });
    expect(me.data?.me.email).toBe('owner@harbor.example');
    expect(me.data?.me.activeWorkspace.role).toBe('OWNER');

    expect((await api.gql('mutation { logout }', {}, { token })).data).toEqual({ logout: true });
    expect(errorCode(await api.gql(ME, {}, { token }))).toBe('UNAUTHENTICATED');
  });

  it('sets an HttpOnly, SameSite session cookie on sign-in', async () => {
    const res = await api.gql(
      'mutation($input: LoginInput!) { login(input: $input) { token } }',
      { input: { email: 'manager@harbor.example', password: 'Demo#2026pass' } },
      { ip: '10.9.9.9' },
    );
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^mop_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('rejects a wrong password and an unknown user with the same message', async () => {
    const wrong = await api.gql('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { email: 'owner@harbor.example', password: 'not-the-password' } }, { ip: '10.1.1.1' });
    const unknown = await api.gql('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { email: 'nobody@harbor.example', password: 'not-the-password' } }, { ip: '10.1.1.2' });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0].message).toBe(unknown.errors?.[0].message);
  });

  it('ends every session of a disabled user at once', async () => {
    const victim = await api.login('marketer@lumen.example');
    const second = await api.login('marketer@lumen.example');
    const admin = await api.login('admin@mop.local');
    const res = await api.gql('mutation($id: ID!) { disableUser(id: $id, reason: "left the company") { status } }', { id: DEMO_IDS.users.lumenMarketer }, { token: admin });
    expect(res.data).toEqual({ disableUser: { status: 'DISABLED' } });
    expect(errorCode(await api.gql(ME, {}, { token: victim }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(ME, {}, { token: second }))).toBe('UNAUTHENTICATED');
    // and cannot sign in again until enabled
    await expect(api.login('marketer@lumen.example')).rejects.toThrow(/disabled/);
    await api.gql('mutation($id: ID!) { enableUser(id: $id) { status } }', { id: DEMO_IDS.users.lumenMarketer }, { token: admin });
    await expect(api.login('marketer@lumen.example')).resolves.toEqual(expect.any(String));
  });

  it('expires a session after the idle timeout', async () => {
    const token = await api.login('clerk@harbor.example');
    expect(errorCode(await api.gql(ME, {}, { token }))).toBeUndefined();
    await api.db.session.updateMany({ where: { userId: DEMO_IDS.users.harborClerk, revokedAt: null }, data: { idleExpiresAt: new Date(Date.now() - 1000) } });
    expect(errorCode(await api.gql(ME, {}, { token }))).toBe('UNAUTHENTICATED');
  });

  it('expires a session at its absolute lifetime even while in use', async () => {
    const token = await api.login('clerk@lumen.example');
    const end = new Date(Date.now() + 1500);
    await api.db.session.updateMany({
      where: { userId: DEMO_IDS.users.lumenClerk, revokedAt: null },
      data: { absoluteExpiresAt: end, idleExpiresAt: end, lastSeenAt: new Date(Date.now() - 5 * 60_000) },
    });
    // in use: the request slides the idle expiry, but never past the absolute one
    expect(errorCode(await api.gql(ME, {}, { token }))).toBeUndefined();
    const session = await api.db.session.findFirstOrThrow({ where: { userId: DEMO_IDS.users.lumenClerk, revokedAt: null } });
    expect(session.idleExpiresAt.getTime()).toBe(end.getTime());
    await new Promise((r) => setTimeout(r, end.getTime() - Date.now() + 50));
    expect(errorCode(await api.gql(ME, {}, { token }))).toBe('UNAUTHENTICATED');
  });

  it('slides the idle expiry when the session is used', async () => {
    const token = await api.login('reviewer@mop.local');
    const before = new Date(Date.now() + 60_000);
    await api.db.session.updateMany({
      where: { userId: DEMO_IDS.users.reviewer, revokedAt: null },
      data: { lastSeenAt: new Date(Date.now() - 5 * 60_000), idleExpiresAt: before },
    });
    await api.gql(ME, {}, { token });
    const session = await api.db.session.findFirstOrThrow({ where: { userId: DEMO_IDS.users.reviewer, revokedAt: null } });
    expect(session.idleExpiresAt.getTime()).toBeGreaterThan(before.getTime());
  });

  it('limits failed sign-ins per account and address, even for the right password afterwards', async () => {
    const ip = '10.77.0.1';
    for (let i = 0; i < 5; i++) {
      const res = await api.gql('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { email: 'owner@lumen.example', password: `wrong-${i}-password` } }, { ip });
      expect(errorCode(res)).toBe('UNAUTHENTICATED');
    }
    const blocked = await api.gql('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { email: 'owner@lumen.example', password: 'Demo#2026pass' } }, { ip });
    expect(errorCode(blocked)).toBe('TOO_MANY_REQUESTS');
    expect(blocked.errors?.[0].extensions?.['retryAfterSeconds']).toBeGreaterThan(0);
    // another address is not blocked by this account's failures
    await expect(api.login('owner@lumen.example', undefined, '10.77.0.2')).resolves.toEqual(expect.any(String));
  });

  it('changes the password, ends the other sessions and keeps the current one', async () => {
    const current = await api.login('manager@lumen.example');
    const other = await api.login('manager@lumen.example');
    const res = await api.gql(
      'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }',
      { input: { currentPassword: 'Demo#2026pass', newPassword: 'a-much-longer-passphrase' } },
      { token: current },
    );
    expect(res.data).toEqual({ changePassword: true });
    expect(errorCode(await api.gql(ME, {}, { token: current }))).toBeUndefined();
    expect(errorCode(await api.gql(ME, {}, { token: other }))).toBe('UNAUTHENTICATED');
    await expect(api.login('manager@lumen.example', 'a-much-longer-passphrase')).resolves.toEqual(expect.any(String));
    await expect(api.login('manager@lumen.example')).rejects.toThrow();
  });

  it('lets a user with two workspaces pick one, and acts in it', async () => {
    const token = await api.login('consultant@mop.local');
    const me = await api.gql<{ me: { activeWorkspace: unknown; workspaces: { membershipId: string; kind: string }[] } }>(
      '{ me { activeWorkspace { kind } workspaces { membershipId kind } } }', {}, { token },
    );
    expect(me.data?.me.activeWorkspace).toBeNull();
    expect(errorCode(await api.gql('{ allStores { id } }', {}, { token }))).toBe('FORBIDDEN');
    const merchant = me.data?.me.workspaces.find((w) => w.kind === 'MERCHANT');
    const switched = await api.gql<{ switchWorkspace: { activeWorkspace: { kind: string; role: string } } }>(
      'mutation($id: ID!) { switchWorkspace(membershipId: $id) { activeWorkspace { kind role } } }', { id: merchant?.membershipId }, { token },
    );
    expect(switched.data?.switchWorkspace.activeWorkspace).toEqual({ kind: 'MERCHANT', role: 'MANAGER' });
    const stores = await api.gql<{ allStores: { merchantId: string }[] }>('{ allStores { merchantId } }', {}, { token });
    expect(stores.data?.allStores.map((s) => s.merchantId)).toEqual([DEMO_IDS.merchants.lumen, DEMO_IDS.merchants.lumen]);
  });

  it('lists and revokes the user\'s own sessions only', async () => {
    const a = await api.login('admin@nimbus.example');
    const b = await api.login('admin@nimbus.example');
    const list = await api.gql<{ mySessions: { id: string; current: boolean }[] }>('{ mySessions { id current } }', {}, { token: a });
    const others = list.data?.mySessions.filter((s) => !s.current) ?? [];
    expect(others.length).toBeGreaterThanOrEqual(1);
    for (const s of others) {
      await api.gql('mutation($id: ID!) { revokeSession(id: $id) }', { id: s.id }, { token: a });
    }
    expect(errorCode(await api.gql(ME, {}, { token: b }))).toBe('UNAUTHENTICATED');
    // another user's session id is simply not found
    const stranger = await api.login('operator@nimbus.example');
    const foreign = await api.gql('mutation($id: ID!) { revokeSession(id: $id) }', { id: list.data?.mySessions.find((s) => s.current)?.id }, { token: stranger });
    expect(errorCode(foreign)).toBe('NOT_FOUND');
  });
});
