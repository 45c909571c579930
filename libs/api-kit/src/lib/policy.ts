import { applyDecorators, SetMetadata } from '@nestjs/common';
import type { Action, SubjectName } from '@mop/shared';

export const POLICY_KEY = 'mop:policy';

/**
 * What an operation requires. Every Query and Mutation declares one (a test walks the schema and
 * fails on any operation without it); the guard denies whatever has none.
 * - `public`: anyone, signed in or not (login).
 * - `authenticated`: any signed-in user, acting on its own account (me, logout, profile).
 * - `ability`: the active workspace's ability must allow `action` on `subject` (at the type level;
 *   services then filter lists through the ability and check loaded records).
 */
export type Policy =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'ability'; action: Action; subject: SubjectName };

export const Public = () => SetMetadata(POLICY_KEY, { kind: 'public' } satisfies Policy);
export const Authenticated = () => SetMetadata(POLICY_KEY, { kind: 'authenticated' } satisfies Policy);
export const Allow = (action: Action, subject: SubjectName) =>
  applyDecorators(SetMetadata(POLICY_KEY, { kind: 'ability', action, subject } satisfies Policy));

export const PRODUCT_KEY = 'mop:product';

/**
 * The operation belongs to a product of the catalog (e.g. `MERCHANT_COUPONS`): in a merchant
 * workspace it is refused until the merchant is enrolled, with an error that names the product.
 */
export const RequiresProduct = (code: string) => SetMetadata(PRODUCT_KEY, code);
