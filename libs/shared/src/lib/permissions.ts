/**
 * The vocabulary of the one CASL ability: what the server enforces and what the console's
 * `authProvider.canAccess` asks. Subjects are the domain model names.
 */
export const Actions = [
  'manage',
  'read',
  'create',
  'update',
  'delete',
  'disable',
  'revoke',
  'switch',
  /** decide an application (reviewers) */
  'decide',
  /** suspend or reactivate a tenant (platform admins) */
  'suspend',
  /** raise or lower a coupon stock's budget (money, so not every editor) */
  'adjustBudget',
  /** claim a coupon for a customer (the sandbox, a merchant's server) */
  'claim',
  /** look a coupon up by the code the customer shows (the counter), without browsing the merchant's coupons */
  'lookup',
  /** redeem a coupon at the counter or through the API */
  'redeem',
  /** reverse a redemption (refund) */
  'reverse',
  /** send a webhook delivery again by hand */
  'replay',
] as const;
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
  'Application',
  'Product',
  'ProductEnrollment',
  'Invitation',
  'CouponStock',
  'ApiKey',
  'Coupon',
  'Redemption',
  'BulkIssueRun',
  'WebhookEndpoint',
  'WebhookDelivery',
] as const;
export type SubjectName = (typeof Subjects)[number];
