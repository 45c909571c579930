import { unpackRules } from '@casl/ability/extra';
import type { Role, WorkspaceKind } from '@mop/shared';
import { defineAbilityFor, merchantsWithScope, packAbility } from './ability';
import { canOn, firstForbiddenField } from './checks';
import type { ActiveMembership, Principal } from './principal';

const HARBOR = '20000000-0000-4000-8000-000000000001';
const LUMEN = '20000000-0000-4000-8000-000000000002';
const NIMBUS = '40000000-0000-4000-8000-000000000001';
const ME = '10000000-0000-4000-8000-0000000000aa';
const SOMEONE = '10000000-0000-4000-8000-0000000000bb';

function principal(kind: WorkspaceKind, role: Role, extra: Partial<ActiveMembership> = {}): Principal {
  return {
    user: { id: ME, email: 'me@example.com', displayName: 'Me' },
    membership: {
      id: 'm1',
      kind,
      role,
      merchantId: kind === 'MERCHANT' ? HARBOR : null,
      providerId: kind === 'PROVIDER' ? NIMBUS : null,
      tenantActive: true,
      storeIds: [],
      authorizations: [],
      enabledProducts: [],
      ...extra,
    },
  };
}

describe('defineAbilityFor', () => {
  it('denies everything to nobody', () => {
    const ability = defineAbilityFor(null);
    expect(ability.rules).toEqual([]);
    expect(ability.can('read', 'Merchant')).toBe(false);
  });

  it('lets a signed-in user without a workspace manage only its own profile', () => {
    const ability = defineAbilityFor({ user: { id: ME, email: 'me@example.com', displayName: 'Me' }, membership: null });
    expect(canOn(ability, 'update', 'User', { id: ME }, 'displayName')).toBe(true);
    expect(canOn(ability, 'update', 'User', { id: SOMEONE }, 'displayName')).toBe(false);
    expect(ability.can('read', 'User')).toBe(false);
    expect(ability.can('read', 'Merchant')).toBe(false);
  });

  it('gives the platform admin everything but other people\'s profiles', () => {
    const ability = defineAbilityFor(principal('PLATFORM', 'PLATFORM_ADMIN'));
    expect(canOn(ability, 'disable', 'User', { id: SOMEONE })).toBe(true);
    expect(canOn(ability, 'update', 'User', { id: SOMEONE }, 'displayName')).toBe(false);
    expect(canOn(ability, 'update', 'User', { id: ME }, 'displayName')).toBe(true);
    expect(canOn(ability, 'update', 'Merchant', { id: LUMEN })).toBe(true);
  });

  it('lets the reviewer read but not change', () => {
    const ability = defineAbilityFor(principal('PLATFORM', 'PLATFORM_REVIEWER'));
    expect(canOn(ability, 'read', 'Merchant', { id: LUMEN })).toBe(true);
    expect(canOn(ability, 'disable', 'User', { id: SOMEONE })).toBe(false);
  });

  it('lets an owner set only the merchant fields a merchant may edit', () => {
    const ability = defineAbilityFor(principal('MERCHANT', 'OWNER'));
    const harbor = { id: HARBOR };
    expect(firstForbiddenField(ability, 'update', 'Merchant', harbor, ['displayName', 'contactEmail'])).toBeNull();
    expect(firstForbiddenField(ability, 'update', 'Merchant', harbor, ['displayName', 'licenceNumber'])).toBe('licenceNumber');
    expect(firstForbiddenField(ability, 'update', 'Merchant', harbor, ['status'])).toBe('status');
    expect(canOn(ability, 'update', 'Merchant', { id: LUMEN }, 'displayName')).toBe(false);
  });

  it('keeps managers away from members and authorizations but lets them run stores', () => {
    const ability = defineAbilityFor(principal('MERCHANT', 'MANAGER'));
    expect(canOn(ability, 'update', 'Store', { merchantId: HARBOR })).toBe(true);
    expect(canOn(ability, 'update', 'Store', { merchantId: LUMEN })).toBe(false);
    expect(canOn(ability, 'create', 'Membership', { merchantId: HARBOR })).toBe(false);
    expect(canOn(ability, 'revoke', 'Authorization', { merchantId: HARBOR })).toBe(false);
    expect(canOn(ability, 'update', 'Merchant', { id: HARBOR }, 'displayName')).toBe(false);
  });

  it('limits a clerk to the stores it is bound to', () => {
    const ability = defineAbilityFor(principal('MERCHANT', 'CLERK', { storeIds: ['s-hq'] }));
    expect(canOn(ability, 'read', 'Store', { id: 's-hq', merchantId: HARBOR })).toBe(true);
    expect(canOn(ability, 'read', 'Store', { id: 's-pier', merchantId: HARBOR })).toBe(false);
    expect(ability.can('read', 'Merchant')).toBe(false);
  });

  it('lets a suspended merchant look but not operate', () => {
    const ability = defineAbilityFor(principal('MERCHANT', 'OWNER', { tenantActive: false }));
    expect(canOn(ability, 'read', 'Store', { merchantId: HARBOR })).toBe(true);
    expect(canOn(ability, 'update', 'Store', { merchantId: HARBOR })).toBe(false);
    expect(canOn(ability, 'create', 'Membership', { merchantId: HARBOR })).toBe(false);
  });

  it('lets a provider see only the merchants that authorized it, and act only within their scopes', () => {
    const m = principal('PROVIDER', 'PROVIDER_OPERATOR', { authorizations: [{ merchantId: HARBOR, scopes: ['COUPONS_MANAGE', 'REPORTS_VIEW'] }] }).membership;
    const ability = defineAbilityFor({ user: { id: ME, email: 'me@example.com', displayName: 'Me' }, membership: m });
    expect(canOn(ability, 'read', 'Merchant', { id: HARBOR })).toBe(true);
    expect(canOn(ability, 'read', 'Merchant', { id: LUMEN })).toBe(false);
    expect(canOn(ability, 'read', 'Store', { merchantId: HARBOR })).toBe(true);
    expect(merchantsWithScope(m, 'COUPONS_MANAGE')).toEqual([HARBOR]);
    expect(merchantsWithScope(m, 'MESSAGES_SEND')).toEqual([]);
    expect(merchantsWithScope(m && { ...m, tenantActive: false }, 'COUPONS_MANAGE')).toEqual([]);
  });

  it('packs its rules for the console, which unpacks the same rules', () => {
    const ability = defineAbilityFor(principal('MERCHANT', 'OWNER'));
    const asArray = (v: unknown) => (Array.isArray(v) ? v : [v]);
    const shape = (rules: { action: unknown; subject?: unknown; conditions?: unknown; fields?: unknown }[]) =>
      rules.map((r) => ({ action: asArray(r.action), subject: asArray(r.subject), conditions: r.conditions, fields: r.fields ? asArray(r.fields) : undefined }));
    expect(shape(unpackRules(packAbility(ability)) as never)).toEqual(shape(ability.rules as never));
  });
});
