import type { TranslateFunction as Translate } from 'react-admin';
import { AuthorizationScopes, Roles, Subjects } from '@mop/shared';

const enumChoices = (translate: Translate, prefix: string, values: readonly string[]) =>
  values.map((id) => ({ id, name: translate(`${prefix}.${id}`, { _: id }) }));

export const tenantStatusChoices = (t: Translate) =>
  enumChoices(t, 'mop.status', ['PENDING_REVIEW', 'ACTIVE', 'REJECTED', 'SUSPENDED']);
export const storeStatusChoices = (t: Translate) => enumChoices(t, 'mop.status', ['OPEN', 'CLOSED']);
export const userStatusChoices = (t: Translate) => enumChoices(t, 'mop.status', ['ACTIVE', 'DISABLED']);
export const authorizationStatusChoices = (t: Translate) =>
  enumChoices(t, 'mop.status', ['REQUESTED', 'ACTIVE', 'DECLINED', 'REVOKED', 'EXPIRED']);
export const roleChoices = (t: Translate) => enumChoices(t, 'mop.roles', Roles);
export const scopeChoices = (t: Translate) => enumChoices(t, 'mop.scopes', AuthorizationScopes);
export const subjectChoices = (t: Translate) =>
  Subjects.map((id) => ({ id, name: t(`resources.${id}.name`, { smart_count: 1, _: id }) }));
