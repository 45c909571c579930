import { createMongoAbility, subject as asSubject, type MongoAbility } from '@casl/ability';
import { unpackRules, type PackRule } from '@casl/ability/extra';
import { Subjects, type Action, type SubjectName } from '@mop/shared';

export type ConsoleAbility = MongoAbility;

/** react-admin's page actions expressed in the server's CASL vocabulary. */
const ACTION_MAP: Record<string, Action> = {
  list: 'read',
  show: 'read',
  export: 'read',
  create: 'create',
  edit: 'update',
  delete: 'delete',
  disable: 'disable',
  enable: 'disable',
  revoke: 'revoke',
  switch: 'switch',
  decide: 'decide',
  suspend: 'suspend',
  adjustBudget: 'adjustBudget',
  replay: 'replay',
  lookup: 'lookup',
  claim: 'claim',
  redeem: 'redeem',
  reverse: 'reverse',
};

export function toCaslAction(action: string): Action | undefined {
  return ACTION_MAP[action];
}

export function toCaslSubject(resource: string): SubjectName | undefined {
  return (Subjects as readonly string[]).includes(resource) ? (resource as SubjectName) : undefined;
}

/** The ability of the active workspace, from the packed rules `me.permissions` carries. */
export function buildAbility(packed: unknown): ConsoleAbility {
  const rules = Array.isArray(packed) ? unpackRules(packed as PackRule<never>[]) : [];
  return createMongoAbility(rules as never);
}

/**
 * authProvider.canAccess: deny by default — unknown resources and actions are refused.
 * With a record the rule conditions are checked against it.
 */
export function canAccessWith(
  ability: ConsoleAbility,
  params: { resource: string; action: string; record?: Record<string, unknown> },
): boolean {
  const action = toCaslAction(params.action);
  const subjectName = toCaslSubject(params.resource);
  if (!action || !subjectName) return false;
  if (params.record) return ability.can(action, asSubject(subjectName, { ...params.record }));
  return ability.can(action, subjectName);
}
