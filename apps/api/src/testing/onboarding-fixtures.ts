import { randomBytes } from 'node:crypto';
import type { ApiHarness } from './api-harness';

export const SIGN_UP_DOC = `mutation($input: SignUpInput!) { signUp(input: $input) { token me { id workspaces { kind role name } activeWorkspace { kind } } } }`;

/** A valid merchant application with a fresh licence number. */
export function merchantInput(overrides: Record<string, unknown> = {}) {
  const s = randomBytes(4).toString('hex').toUpperCase();
  return {
    legalName: `Test Tea House ${s} Ltd.`,
    displayName: `Tea House ${s}`,
    licenceNumber: `91310000TEA${s}`,
    category: 'Food & beverage',
    contactName: 'Tina Tea',
    contactEmail: 'tina@tea.example',
    country: 'CN',
    currency: 'CNY',
    timeZone: 'Asia/Shanghai',
    firstStore: { code: 'MAIN', name: 'Tea House · Main', address: '1 Tea Street', openingHours: [{ weekday: 1, opens: '09:00', closes: '18:00' }] },
    ...overrides,
  };
}

/** A new account, signed in (its token), from an address of its own so sign-up limits do not bite. */
export async function signUp(api: ApiHarness, email = `applicant-${randomBytes(4).toString('hex')}@test.example`) {
  const res = await api.gql<{ signUp: { token: string; me: { id: string } } }>(SIGN_UP_DOC, { input: { email, password: 'Applicant#2026', displayName: 'Ada Applicant' } }, { ip: `10.200.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return { email, token: res.data.signUp.token, userId: res.data.signUp.me.id };
}


/** A signed-up user's SUBMITTED merchant application. */
export async function appliedMerchant(api: ApiHarness) {
  const applicant = await signUp(api);
  const res = await api.gql<{ applyAsMerchant: { id: string; subjectId: string } }>(
    'mutation($input: MerchantApplicationInput!) { applyAsMerchant(input: $input) { id subjectId } }',
    { input: merchantInput() },
    { token: applicant.token },
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return { ...applicant, applicationId: res.data.applyAsMerchant.id, merchantId: res.data.applyAsMerchant.subjectId };
}
