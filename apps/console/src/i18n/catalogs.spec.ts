import englishMessages from 'ra-language-english';
import { Actions, PlatformRoles, MerchantRoles, ProviderRoles, AuthorizationScopes, ErrorCodes, Subjects, WorkspaceKinds } from '@mop/shared';
import { CLAIM_REFUSALS, COUPON_REFUSALS, COUPON_STATUSES } from '../coupons/couponApi';
import { couponErrorKeys, refusalKey } from '../coupons/couponErrors';
import { en } from './en';
import { zh } from './zh';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

function valueAt(catalog: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);
}

describe('i18n catalogs', () => {
  const enKeys = keysOf(en).sort();
  const zhKeys = keysOf(zh).sort();

  it('have identical key sets in English and Chinese', () => {
    expect(zhKeys).toEqual(enKeys);
  });

  it('cover every ra.* key of ra-language-english in Chinese', () => {
    const raKeys = keysOf(englishMessages);
    expect(raKeys.length).toBeGreaterThan(150);
    const missing = raKeys.filter((key) => typeof valueAt(zh, key) !== 'string');
    expect(missing).toEqual([]);
  });

  it('translate the Chinese catalog (no English left behind except names and placeholders)', () => {
    const untranslated = enKeys.filter((key) => {
      const zhValue = valueAt(zh, key);
      const enValue = valueAt(en, key);
      return typeof enValue === 'string' && /[a-z]{3,}/i.test(enValue.replace(/%\{\w+\}/g, '')) && zhValue === enValue;
    });
    // Names that stay the same in both languages.
    expect(untranslated.filter((k) => !['mop.language.en', 'mop.language.zh-CN'].includes(k))).toEqual([]);
  });

  it('keep the same interpolation placeholders', () => {
    for (const key of enKeys) {
      const placeholders = (value: unknown) => (String(value).match(/%\{\w+\}/g) ?? []).sort();
      expect({ key, placeholders: placeholders(valueAt(zh, key)) }).toEqual({ key, placeholders: placeholders(valueAt(en, key)) });
    }
  });

  it('label every role, scope, workspace kind, error code and resource', () => {
    for (const catalog of [en, zh]) {
      for (const role of [...PlatformRoles, ...MerchantRoles, ...ProviderRoles]) {
        expect(valueAt(catalog, `mop.roles.${role}`)).toEqual(expect.any(String));
        expect(valueAt(catalog, `mop.role_descriptions.${role}`)).toEqual(expect.any(String));
      }
      for (const scope of AuthorizationScopes) expect(valueAt(catalog, `mop.scopes.${scope}`)).toEqual(expect.any(String));
      for (const kind of WorkspaceKinds) expect(valueAt(catalog, `mop.workspace.kind.${kind}`)).toEqual(expect.any(String));
      for (const code of ErrorCodes) expect(valueAt(catalog, `mop.errors.${code}`)).toEqual(expect.any(String));
      for (const subject of Subjects) {
        expect(valueAt(catalog, `resources.${subject}.name`)).toEqual(expect.any(String));
      }
      // The dashboard lists what a role may do with each subject, by these labels.
      for (const action of Actions) expect({ action, label: valueAt(catalog, `mop.actions.${action}`) }).toEqual({ action, label: expect.any(String) });
    }
  });

  it('explain every coupon refusal and every coupon status', () => {
    const keys = [
      ...couponErrorKeys(),
      ...COUPON_REFUSALS.map(refusalKey),
      ...CLAIM_REFUSALS.map((refusal) => `mop.coupon_errors.claim.${refusal}`),
      ...COUPON_STATUSES.map((status) => `mop.status.${status}`),
      ...COUPON_STATUSES.map((status) => `mop.customer_coupons.redemption_state.${status}`),
    ];
    for (const catalog of [en, zh]) {
      expect(keys.filter((key) => typeof valueAt(catalog, key) !== 'string')).toEqual([]);
    }
  });
});
