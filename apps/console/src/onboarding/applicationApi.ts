import { graphqlRequest } from '../graphql';

export type ApplicationKind =
  | 'MERCHANT_ONBOARDING'
  | 'PROVIDER_ONBOARDING'
  | 'PRODUCT_ENROLLMENT'
  | 'MINIPROGRAM_RELEASE'
  | 'MESSAGE_TEMPLATE'
  | 'COUPON_PUBLIC_CHANNEL';
export type ApplicationStatus = 'SUBMITTED' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';

export const APPLICATION_KINDS: ApplicationKind[] = [
  'MERCHANT_ONBOARDING',
  'PROVIDER_ONBOARDING',
  'PRODUCT_ENROLLMENT',
  'MINIPROGRAM_RELEASE',
  'MESSAGE_TEMPLATE',
  'COUPON_PUBLIC_CHANNEL',
];
export const APPLICATION_STATUSES: ApplicationStatus[] = ['SUBMITTED', 'APPROVED', 'REJECTED', 'WITHDRAWN'];

/** The hours a reviewer has to decide an application (the `overdue` chip comes from the server). */
export const REVIEW_TARGET_HOURS = 24;

export interface MyApplication {
  id: string;
  kind: ApplicationKind;
  status: ApplicationStatus;
  subjectType: string;
  subjectId: string;
  subjectName: string;
  payload: Record<string, unknown>;
  reason: string | null;
  submittedAt: string;
  decidedAt: string | null;
}

const FIELDS = 'id kind status subjectType subjectId subjectName payload reason submittedAt decidedAt';

export async function myApplications(): Promise<MyApplication[]> {
  const data = await graphqlRequest<{ myApplications: MyApplication[] }>(`query MyApplications { myApplications { ${FIELDS} } }`);
  return data.myApplications;
}

export interface StoreInput {
  code: string;
  name: string;
  address: string;
  openingHours?: { weekday: number; opens: string; closes: string }[];
}

export interface MerchantApplicationInput {
  legalName: string;
  displayName: string;
  licenceNumber: string;
  category: string;
  contactName: string;
  contactEmail: string;
  contactPhone?: string | null;
  country: string;
  currency: string;
  timeZone: string;
  firstStore: StoreInput;
}

export interface ProviderApplicationInput {
  name: string;
  legalName: string;
  licenceNumber: string;
  contactName: string;
  contactEmail: string;
  website?: string | null;
  description?: string | null;
}

/** Applies, or resubmits after a rejection (a new SUBMITTED application). */
export async function submitMerchantApplication(input: MerchantApplicationInput, rejectedId?: string): Promise<MyApplication> {
  if (rejectedId) {
    const data = await graphqlRequest<{ resubmitMerchantApplication: MyApplication }>(
      `mutation Resubmit($id: ID!, $input: MerchantApplicationInput!) { resubmitMerchantApplication(applicationId: $id, input: $input) { ${FIELDS} } }`,
      { id: rejectedId, input },
    );
    return data.resubmitMerchantApplication;
  }
  const data = await graphqlRequest<{ applyAsMerchant: MyApplication }>(
    `mutation Apply($input: MerchantApplicationInput!) { applyAsMerchant(input: $input) { ${FIELDS} } }`,
    { input },
  );
  return data.applyAsMerchant;
}

export async function submitProviderApplication(input: ProviderApplicationInput, rejectedId?: string): Promise<MyApplication> {
  if (rejectedId) {
    const data = await graphqlRequest<{ resubmitProviderApplication: MyApplication }>(
      `mutation Resubmit($id: ID!, $input: ProviderApplicationInput!) { resubmitProviderApplication(applicationId: $id, input: $input) { ${FIELDS} } }`,
      { id: rejectedId, input },
    );
    return data.resubmitProviderApplication;
  }
  const data = await graphqlRequest<{ applyAsProvider: MyApplication }>(
    `mutation Apply($input: ProviderApplicationInput!) { applyAsProvider(input: $input) { ${FIELDS} } }`,
    { input },
  );
  return data.applyAsProvider;
}

export async function withdrawApplication(id: string): Promise<void> {
  await graphqlRequest('mutation Withdraw($id: ID!) { withdrawApplication(id: $id) { id status } }', { id });
}

export async function approveApplication(id: string, note?: string): Promise<void> {
  await graphqlRequest('mutation Approve($id: ID!, $note: String) { approveApplication(id: $id, note: $note) { id status } }', {
    id,
    note: note || undefined,
  });
}

export async function rejectApplication(id: string, reason: string): Promise<void> {
  await graphqlRequest('mutation Reject($id: ID!, $reason: String!) { rejectApplication(id: $id, reason: $reason) { id status } }', {
    id,
    reason,
  });
}

export interface BulkDecisionResult {
  approved: string[];
  failed: { id: string; code: string; message: string }[];
}

export async function bulkApproveApplications(ids: string[]): Promise<BulkDecisionResult> {
  const data = await graphqlRequest<{ bulkApproveApplications: BulkDecisionResult }>(
    'mutation BulkApprove($ids: [ID!]!) { bulkApproveApplications(ids: $ids) { approved failed { id code message } } }',
    { ids },
  );
  return data.bulkApproveApplications;
}

/**
 * The rejected applications that may still be corrected: the newest of their subject, with nothing
 * submitted or approved since.
 */
export function resubmittable(applications: MyApplication[]): Set<string> {
  const newest = new Map<string, MyApplication>();
  for (const a of applications) {
    const key = `${a.kind}:${a.subjectId}`;
    const seen = newest.get(key);
    if (!seen || a.submittedAt > seen.submittedAt) newest.set(key, a);
  }
  return new Set(
    [...newest.values()]
      .filter((a) => a.status === 'REJECTED' && (a.kind === 'MERCHANT_ONBOARDING' || a.kind === 'PROVIDER_ONBOARDING'))
      .map((a) => a.id),
  );
}
