import { randomBytes } from 'node:crypto';
import { makeMembership, makeMerchant, makeProvider, makeUser } from '@mop/data-access/testing';
import type { ApiHarness } from '../api-harness';
import { appliedMerchant, merchantInput, SIGN_UP_DOC, signUp } from '../onboarding-fixtures';
import type { MutationCase } from './mutation-case';

const reviewer = (api: ApiHarness) => api.login('reviewer@mop.local');
const admin = (api: ApiHarness) => api.login('admin@mop.local');

function providerInput(overrides: Record<string, unknown> = {}) {
  const s = randomBytes(4).toString('hex').toUpperCase();
  return { name: `Case Agency ${s}`, legalName: `Case Agency ${s} Ltd.`, licenceNumber: `CASE${s}`, contactName: 'C', contactEmail: 'c@case.example', ...overrides };
}

async function rejected(api: ApiHarness, kind: 'merchant' | 'provider') {
  const applicant = await signUp(api);
  const doc =
    kind === 'merchant'
      ? ['mutation($input: MerchantApplicationInput!) { applyAsMerchant(input: $input) { id } }', 'applyAsMerchant', merchantInput()]
      : ['mutation($input: ProviderApplicationInput!) { applyAsProvider(input: $input) { id } }', 'applyAsProvider', providerInput()];
  const res = await api.gql<Record<string, { id: string }>>(doc[0] as string, { input: doc[2] }, { token: applicant.token });
  const id = res.data?.[doc[1] as string].id as string;
  await api.gql('mutation($id: ID!) { rejectApplication(id: $id, reason: "Please correct the licence.") { id } }', { id }, { token: await reviewer(api) });
  return { token: applicant.token, id };
}

/** The owner of a fresh, ACTIVE merchant enrolled in nothing. */
async function freshOwner(api: ApiHarness) {
  const merchant = await makeMerchant(api.db);
  const user = await makeUser(api.db);
  await makeMembership(api.db, { userId: user.id, merchantId: merchant.id, role: 'OWNER' });
  return api.login(user.email);
}

async function productId(api: ApiHarness, code: string) {
  return (await api.db.product.findUniqueOrThrow({ where: { code } })).id;
}

export const ONBOARDING_REVIEW_MUTATION_CASES: MutationCase[] = [
  {
    name: 'signUp',
    document: SIGN_UP_DOC,
    action: 'user.signUp',
    valid: async () => ({ token: null, variables: { input: { email: `case-${randomBytes(4).toString('hex')}@test.example`, password: 'Case#2026pass', displayName: 'Casey' } } }),
    badInputs: async () => [
      { token: null, variables: { input: { email: 'nope', password: 'Case#2026pass', displayName: 'Casey' } }, field: 'email' },
      { token: null, variables: { input: { email: 'short@test.example', password: 'short', displayName: 'Casey' } }, field: 'password' },
      { token: null, variables: { input: { email: 'blank@test.example', password: 'Case#2026pass', displayName: '' } }, field: 'displayName' },
      { token: null, variables: { input: { email: 'lang@test.example', password: 'Case#2026pass', displayName: 'Casey', locale: 'xx' } }, field: 'locale' },
    ],
  },
  {
    name: 'applyAsMerchant',
    document: 'mutation($input: MerchantApplicationInput!) { applyAsMerchant(input: $input) { id } }',
    action: 'merchant.apply',
    valid: async (api) => ({ token: (await signUp(api)).token, variables: { input: merchantInput() } }),
    badInputs: async (api) => {
      const { token } = await signUp(api);
      return [
        { token, variables: { input: merchantInput({ country: 'China' }) }, field: 'country' },
        { token, variables: { input: merchantInput({ currency: 'yuan' }) }, field: 'currency' },
        { token, variables: { input: merchantInput({ timeZone: 'Nowhere/Land' }) }, field: 'timeZone' },
        { token, variables: { input: merchantInput({ licenceNumber: 'x' }) }, field: 'licenceNumber' },
        { token, variables: { input: merchantInput({ contactEmail: 'not-an-email' }) }, field: 'contactEmail' },
        { token, variables: { input: merchantInput({ firstStore: { code: '', name: 'Main', address: '1 Road' } }) }, field: 'firstStore.code' },
        { token, variables: { input: merchantInput({ firstStore: { code: 'M', name: 'Main', address: '1 Road', openingHours: [{ weekday: 9, opens: '09:00', closes: '10:00' }] } }) }, field: 'firstStore.openingHours.0.weekday' },
      ];
    },
  },
  {
    name: 'resubmitMerchantApplication',
    document: 'mutation($id: ID!, $input: MerchantApplicationInput!) { resubmitMerchantApplication(applicationId: $id, input: $input) { id } }',
    action: 'merchant.resubmit',
    valid: async (api) => {
      const { token, id } = await rejected(api, 'merchant');
      return { token, variables: { id, input: merchantInput() } };
    },
    badInputs: async (api) => {
      const { token, id } = await rejected(api, 'merchant');
      return [
        { token, variables: { id: 'nope', input: merchantInput() }, field: 'applicationId' },
        { token, variables: { id, input: merchantInput({ legalName: 'X' }) }, field: 'legalName' },
      ];
    },
  },
  {
    name: 'applyAsProvider',
    document: 'mutation($input: ProviderApplicationInput!) { applyAsProvider(input: $input) { id } }',
    action: 'provider.apply',
    valid: async (api) => ({ token: (await signUp(api)).token, variables: { input: providerInput() } }),
    badInputs: async (api) => {
      const { token } = await signUp(api);
      return [
        { token, variables: { input: providerInput({ website: 'not a url' }) }, field: 'website' },
        { token, variables: { input: providerInput({ contactEmail: 'nope' }) }, field: 'contactEmail' },
        { token, variables: { input: providerInput({ name: '' }) }, field: 'name' },
      ];
    },
  },
  {
    name: 'resubmitProviderApplication',
    document: 'mutation($id: ID!, $input: ProviderApplicationInput!) { resubmitProviderApplication(applicationId: $id, input: $input) { id } }',
    action: 'provider.resubmit',
    valid: async (api) => {
      const { token, id } = await rejected(api, 'provider');
      return { token, variables: { id, input: providerInput() } };
    },
    badInputs: async (api) => {
      const { token, id } = await rejected(api, 'provider');
      return [
        { token, variables: { id: '42', input: providerInput() }, field: 'applicationId' },
        { token, variables: { id, input: providerInput({ licenceNumber: '!!' }) }, field: 'licenceNumber' },
      ];
    },
  },
  {
    name: 'withdrawApplication',
    document: 'mutation($id: ID!) { withdrawApplication(id: $id) { id } }',
    action: 'application.withdraw',
    valid: async (api) => {
      const { token, applicationId } = await appliedMerchant(api);
      return { token, variables: { id: applicationId } };
    },
    badInputs: async (api) => [{ token: (await signUp(api)).token, variables: { id: 'nope' }, field: 'id' }],
  },
  {
    name: 'approveApplication',
    document: 'mutation($id: ID!, $note: String) { approveApplication(id: $id, note: $note) { id } }',
    action: 'application.approve',
    valid: async (api) => ({ token: await reviewer(api), variables: { id: (await appliedMerchant(api)).applicationId } }),
    badInputs: async (api) => {
      const token = await reviewer(api);
      const { applicationId } = await appliedMerchant(api);
      return [
        { token, variables: { id: 'nope' }, field: 'id' },
        { token, variables: { id: applicationId, note: 'x'.repeat(1001) }, field: 'note' },
      ];
    },
  },
  {
    name: 'rejectApplication',
    document: 'mutation($id: ID!, $reason: String!) { rejectApplication(id: $id, reason: $reason) { id } }',
    action: 'application.reject',
    valid: async (api) => ({ token: await reviewer(api), variables: { id: (await appliedMerchant(api)).applicationId, reason: 'The licence has expired.' } }),
    badInputs: async (api) => {
      const token = await reviewer(api);
      const { applicationId } = await appliedMerchant(api);
      return [
        { token, variables: { id: applicationId, reason: '' }, field: 'reason' },
        { token, variables: { id: applicationId, reason: 'no' }, field: 'reason' },
        { token, variables: { id: 'nope', reason: 'The licence has expired.' }, field: 'id' },
      ];
    },
  },
  {
    name: 'bulkApproveApplications',
    document: 'mutation($ids: [ID!]!) { bulkApproveApplications(ids: $ids) { approved } }',
    action: 'application.approve',
    valid: async (api) => ({ token: await reviewer(api), variables: { ids: [(await appliedMerchant(api)).applicationId] } }),
    badInputs: async (api) => {
      const token = await reviewer(api);
      return [
        { token, variables: { ids: [] }, field: 'ids' },
        { token, variables: { ids: ['nope'] }, field: 'ids' },
      ];
    },
  },
  ...(['Merchant', 'ServiceProvider'] as const).flatMap((tenant): MutationCase[] => {
    const make = (api: ApiHarness, status: 'ACTIVE' | 'SUSPENDED') => (tenant === 'Merchant' ? makeMerchant(api.db, { status }) : makeProvider(api.db, { status }));
    const prefix = tenant === 'Merchant' ? 'merchant' : 'provider';
    return [
      {
        name: `suspend${tenant}`,
        document: `mutation($id: ID!, $reason: String!) { suspend${tenant}(id: $id, reason: $reason) { id } }`,
        action: `${prefix}.suspend`,
        valid: async (api) => ({ token: await admin(api), variables: { id: (await make(api, 'ACTIVE')).id, reason: 'Unpaid platform fees' } }),
        badInputs: async (api) => {
          const token = await admin(api);
          const { id } = await make(api, 'ACTIVE');
          return [
            { token, variables: { id, reason: '' }, field: 'reason' },
            { token, variables: { id: 'nope', reason: 'Unpaid platform fees' }, field: 'id' },
          ];
        },
      },
      {
        name: `reactivate${tenant}`,
        document: `mutation($id: ID!) { reactivate${tenant}(id: $id) { id } }`,
        action: `${prefix}.reactivate`,
        valid: async (api) => ({ token: await admin(api), variables: { id: (await make(api, 'SUSPENDED')).id } }),
        badInputs: async (api) => [{ token: await admin(api), variables: { id: 'nope' }, field: 'id' }],
      },
    ];
  }),
  {
    name: 'applyForProduct',
    document: 'mutation($id: ID!) { applyForProduct(productId: $id) { id } }',
    action: 'product.apply',
    valid: async (api) => ({ token: await freshOwner(api), variables: { id: await productId(api, 'MERCHANT_COUPONS') } }),
    badInputs: async (api) => [{ token: await freshOwner(api), variables: { id: 'coupons' }, field: 'productId' }],
  },
];
