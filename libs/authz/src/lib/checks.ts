import { ForbiddenError as CaslForbiddenError, subject as asSubject } from '@casl/ability';
import { accessibleBy, type WhereInput } from '@mop/data-access';
import type { Action, SubjectName } from '@mop/shared';
import type { AppAbility } from './ability';

/** The `where` that restricts a list to what the ability may see: lists filter in the database. */
export function accessibleWhere<S extends SubjectName>(ability: AppAbility, subject: S, action: Action = 'read'): WhereInput<S> {
  return accessibleBy(ability, action).ofType(subject) as WhereInput<S>;
}

/** Whether the ability allows the action on this loaded record (and field, when given). */
export function canOn(ability: AppAbility, action: Action, subject: SubjectName, record: object, field?: string): boolean {
  return ability.can(action, asSubject(subject, { ...record }) as never, field);
}

/** The first of `fields` the ability may not set on this record, or null when all are allowed. */
export function firstForbiddenField(
  ability: AppAbility,
  action: Action,
  subject: SubjectName,
  record: object,
  fields: string[],
): string | null {
  return fields.find((f) => !canOn(ability, action, subject, record, f)) ?? null;
}

export { CaslForbiddenError };
