import type { ApiHarness } from '../api-harness';

/** A call of one mutation: who makes it and with what variables. */
export interface MutationCall {
  token: string | null;
  variables: Record<string, unknown>;
}

/**
 * Every mutation of the API with a valid call (and the audit action it must leave) and its bad
 * inputs (each must be BAD_USER_INPUT naming the field, and change nothing). The audit-rule and
 * bad-input tests check that this list names every mutation in the schema.
 */
export interface MutationCase {
  name: string;
  document: string;
  action: string;
  /**
   * For the high-volume customer operations (claims, redemptions, reversals), whose ledger row is the
   * record (DESIGN.md §4.6): they leave no audit event, and this checks that the row names who did it.
   * `action` is then the ledger's name, e.g. `ledger:coupon`.
   */
  ledger?: (api: ApiHarness, data: Record<string, unknown>, call: MutationCall) => Promise<void>;
  valid(api: ApiHarness): Promise<MutationCall>;
  /** Each call may use its own document (an unknown argument is bad input too). */
  badInputs(api: ApiHarness): Promise<(MutationCall & { field: string; document?: string })[]>;
}

/** A call that fails for a reason other than input (authorization, state): it must change nothing either. */
export interface FailingCall {
  name: string;
  call(api: ApiHarness): Promise<MutationCall & { document: string; code: string }>;
}
