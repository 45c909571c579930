import { API_KEY_FAILING_CALLS, API_KEY_MUTATION_CASES } from './api-keys.cases';
import { BULK_ISSUE_FAILING_CALLS, BULK_ISSUE_MUTATION_CASES } from './bulk-issue.cases';
import { CLAIM_FAILING_CALLS, CLAIM_MUTATION_CASES } from './claims.cases';
import { COUPON_PUBLIC_FAILING_CALLS, COUPON_PUBLIC_MUTATION_CASES } from './coupon-public.cases';
import { COUPON_REDEMPTION_FAILING_CALLS, COUPON_REDEMPTION_MUTATION_CASES } from './coupon-redemption.cases';
import { COUPON_FAILING_CALLS, COUPON_MUTATION_CASES } from './coupons.cases';
import { FOUNDATION_FAILING_CALLS, FOUNDATION_MUTATION_CASES } from './foundation.cases';
import type { FailingCall, MutationCase } from './mutation-case';
import { ONBOARDING_REVIEW_MUTATION_CASES } from './onboarding-review.cases';
import { STAFF_STORE_FAILING_CALLS, STAFF_STORE_MUTATION_CASES } from './staff-stores.cases';
import { WEBHOOK_FAILING_CALLS, WEBHOOK_MUTATION_CASES } from './webhooks.cases';

export type { FailingCall, MutationCall, MutationCase } from './mutation-case';

/** Every mutation of the API, one file per area: the audit-rule and bad-input tests walk this list. */
export const MUTATION_CASES: MutationCase[] = [...FOUNDATION_MUTATION_CASES, ...ONBOARDING_REVIEW_MUTATION_CASES, ...STAFF_STORE_MUTATION_CASES, ...COUPON_MUTATION_CASES, ...COUPON_PUBLIC_MUTATION_CASES, ...COUPON_REDEMPTION_MUTATION_CASES, ...CLAIM_MUTATION_CASES, ...BULK_ISSUE_MUTATION_CASES, ...API_KEY_MUTATION_CASES, ...WEBHOOK_MUTATION_CASES];

export const FAILING_CALLS: FailingCall[] = [...FOUNDATION_FAILING_CALLS, ...STAFF_STORE_FAILING_CALLS, ...COUPON_FAILING_CALLS, ...COUPON_PUBLIC_FAILING_CALLS, ...COUPON_REDEMPTION_FAILING_CALLS, ...CLAIM_FAILING_CALLS, ...BULK_ISSUE_FAILING_CALLS, ...API_KEY_FAILING_CALLS, ...WEBHOOK_FAILING_CALLS];
