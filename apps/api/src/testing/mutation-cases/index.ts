import { FOUNDATION_FAILING_CALLS, FOUNDATION_MUTATION_CASES } from './foundation.cases';
import type { FailingCall, MutationCase } from './mutation-case';

export type { FailingCall, MutationCall, MutationCase } from './mutation-case';

/** Every mutation of the API, one file per area: the audit-rule and bad-input tests walk this list. */
export const MUTATION_CASES: MutationCase[] = [...FOUNDATION_MUTATION_CASES];

export const FAILING_CALLS: FailingCall[] = [...FOUNDATION_FAILING_CALLS];
