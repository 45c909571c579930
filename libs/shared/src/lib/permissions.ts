/**
 * The vocabulary of the one CASL ability: what the server enforces and what the console's
 * `authProvider.canAccess` asks. Subjects are the domain model names.
 */
export const Actions = ['manage', 'read', 'create', 'update', 'delete', 'disable', 'revoke', 'switch'] as const;
export type Action = (typeof Actions)[number];

export const Subjects = [
  'User',
  'Session',
  'Membership',
  'Merchant',
  'Store',
  'ServiceProvider',
  'Authorization',
  'AuditEvent',
] as const;
export type SubjectName = (typeof Subjects)[number];
