import { API_KEY_FAILING_CALLS, API_KEY_MUTATION_CASES } from './api-keys.cases';
import { COUPON_FAILING_CALLS, COUPON_MUTATION_CASES } from './coupons.cases';
import { FOUNDATION_FAILING_CALLS, FOUNDATION_MUTATION_CASES } from './foundation.cases';
import type { FailingCall, MutationCase } from './mutation-case';
import { ONBOARDING_REVIEW_MUTATION_CASES } from './onboarding-review.cases';
import { STAFF_STORE_FAILING_CALLS, STAFF_STORE_MUTATION_CASES } from './staff-stores.cases';

export type { FailingCall, MutationCall, MutationCase } from './mutation-case';

/** Every mutation of the API, one file per area: the audit-rule and bad-input tests walk this list. */
export const MUTATION_CASES: MutationCase[] = [...FOUNDATION_MUTATION_CASES, ...ONBOARDING_REVIEW_MUTATION_CASES, ...STAFF_STORE_MUTATION_CASES, ...COUPON_MUTATION_CASES, ...API_KEY_MUTATION_CASES];

export const FAILING_CALLS: FailingCall[] = [...FOUNDATION_FAILING_CALLS, ...STAFF_STORE_FAILING_CALLS, ...COUPON_FAILING_CALLS, ...API_KEY_FAILING_CALLS];
