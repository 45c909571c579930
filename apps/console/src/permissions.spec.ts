import { packRules } from '@casl/ability/extra';
import { buildAbility, canAccessWith, toCaslAction, toCaslSubject } from './permissions';

const packed = (rules: object[]) => packRules(rules as never);

describe('canAccess mapping', () => {
  it('maps react-admin actions to CASL actions', () => {
    expect(toCaslAction('list')).toBe('read');
    expect(toCaslAction('show')).toBe('read');
    expect(toCaslAction('create')).toBe('create');
    expect(toCaslAction('edit')).toBe('update');
    expect(toCaslAction('delete')).toBe('delete');
    // The coupon pages ask for the server's own coupon actions.
    expect(toCaslAction('claim')).toBe('claim');
    expect(toCaslAction('redeem')).toBe('redeem');
    expect(toCaslAction('reverse')).toBe('reverse');
    expect(toCaslAction('frobnicate')).toBeUndefined();
  });

  it('uses resource names as subject names and refuses unknown resources', () => {
    expect(toCaslSubject('AuditEvent')).toBe('AuditEvent');
    expect(toCaslSubject('ServiceProvider')).toBe('ServiceProvider');
    expect(toCaslSubject('Coupon')).toBe('Coupon');
    expect(toCaslSubject('Redemption')).toBe('Redemption');
    expect(toCaslSubject('Sandbox')).toBeUndefined();
  });

  it('answers from the packed rules of the active workspace', () => {
    const ability = buildAbility(packed([{ action: 'read', subject: ['Store', 'Merchant'] }]));
    expect(canAccessWith(ability, { resource: 'Store', action: 'list' })).toBe(true);
    expect(canAccessWith(ability, { resource: 'Merchant', action: 'show' })).toBe(true);
    expect(canAccessWith(ability, { resource: 'Store', action: 'edit' })).toBe(false);
    expect(canAccessWith(ability, { resource: 'Membership', action: 'list' })).toBe(false);
    expect(canAccessWith(ability, { resource: 'Store', action: 'unknown' })).toBe(false);
  });

  it('gives manage all to everything', () => {
    const ability = buildAbility(packed([{ action: 'manage', subject: 'all' }]));
    for (const action of ['list', 'show', 'create', 'edit', 'delete', 'disable']) {
      expect(canAccessWith(ability, { resource: 'User', action })).toBe(true);
    }
  });

  it("tells the clerk's counter from the marketer's sandbox", () => {
    const clerk = buildAbility(packed([
      { action: 'lookup', subject: 'Coupon', conditions: { merchantId: 'm1' } },
      { action: ['redeem', 'reverse'], subject: 'Coupon', conditions: { merchantId: 'm1' } },
    ]));
    expect(canAccessWith(clerk, { resource: 'Coupon', action: 'redeem' })).toBe(true);
    expect(canAccessWith(clerk, { resource: 'Coupon', action: 'claim' })).toBe(false);
    expect(canAccessWith(clerk, { resource: 'Coupon', action: 'reverse', record: { merchantId: 'm2' } })).toBe(false);
    const marketer = buildAbility(packed([{ action: ['read', 'claim', 'revoke'], subject: 'Coupon', conditions: { merchantId: 'm1' } }]));
    expect(canAccessWith(marketer, { resource: 'Coupon', action: 'claim' })).toBe(true);
    expect(canAccessWith(marketer, { resource: 'Coupon', action: 'redeem' })).toBe(false);
  });

  it("keeps a clerk, who looks coupons up by code, out of the merchant's list of coupons", () => {
    const clerk = buildAbility(packed([
      { action: 'lookup', subject: 'Coupon', conditions: { merchantId: 'm1' } },
      { action: 'read', subject: 'Store', conditions: { merchantId: 'm1' } },
    ]));
    expect(canAccessWith(clerk, { resource: 'Coupon', action: 'list' })).toBe(false);
    expect(canAccessWith(clerk, { resource: 'Store', action: 'list' })).toBe(true);
    const marketer = buildAbility(packed([{ action: ['read', 'lookup'], subject: 'Coupon', conditions: { merchantId: 'm1' } }]));
    expect(canAccessWith(marketer, { resource: 'Coupon', action: 'list' })).toBe(true);
    expect(canAccessWith(buildAbility(packed([])), { resource: 'Coupon', action: 'list' })).toBe(false);
  });

  it('checks rule conditions against a record', () => {
    const ability = buildAbility(packed([{ action: 'update', subject: 'Store', conditions: { merchantId: 'm1' } }]));
    expect(canAccessWith(ability, { resource: 'Store', action: 'edit', record: { id: 's1', merchantId: 'm1' } })).toBe(true);
    expect(canAccessWith(ability, { resource: 'Store', action: 'edit', record: { id: 's2', merchantId: 'm2' } })).toBe(false);
  });

  it('honours inverted rules', () => {
    const ability = buildAbility(packed([{ action: 'read', subject: 'all' }, { action: 'read', subject: 'User', inverted: true }]));
    expect(canAccessWith(ability, { resource: 'Merchant', action: 'list' })).toBe(true);
    expect(canAccessWith(ability, { resource: 'User', action: 'list' })).toBe(false);
  });

  it('denies everything when no workspace is active', () => {
    const ability = buildAbility([]);
    expect(canAccessWith(ability, { resource: 'Merchant', action: 'list' })).toBe(false);
    expect(canAccessWith(buildAbility(null), { resource: 'Merchant', action: 'list' })).toBe(false);
  });
});
