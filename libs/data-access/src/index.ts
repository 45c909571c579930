// The one door to the database: the Prisma client, its types, and the NestJS module.
export { createPrismaClient, type CreatePrismaClientOptions, type Db, type Tx, type DbOrTx } from './client/prisma-client';
export { DataAccessModule, PG_POOL, PRISMA, type DataAccessModuleOptions } from './client/data-access.module';
export {
  accessibleBy,
  createPrismaAbility,
  ParsingQueryError,
  prismaQuery,
  type Model,
  type Subjects,
  type PrismaQuery,
  type WhereInput,
} from './client/casl';
export { isUniqueViolation, uniqueViolationTarget, isCheckViolation } from './client/errors';
export { databaseUrl, DEFAULT_DATABASE_URL } from './migrate/pg-config';
export { workspaceKey } from './seed/demo-seed';
// The generated client: the `Prisma` namespace (errors, input types, `Prisma.TypeMap`), the enums
// (values and types), and the model types.
export { Prisma, $Enums } from './generated/prisma/client';
export * from './generated/prisma/enums';
export type * from './generated/prisma/models';
export type {
  User,
  Session,
  Membership,
  ClerkStore,
  Merchant,
  Store,
  ServiceProvider,
  Authorization,
  AuditEvent,
  IdempotencyRecord,
  Product,
  ProductEnrollment,
  Application,
  ApplicationEvent,
  Invitation,
  OutboxEmail,
  ApiKey,
  WebhookEndpoint,
  WebhookDelivery,
  WebhookAttempt,
  CouponStock,
  CouponStockStore,
  UploadedCode,
  Coupon,
  Redemption,
  BulkIssueRun,
  BulkIssueItem,
  MiniProgram,
  MiniProgramVersion,
  MessageTemplate,
  Subscription,
  MessageCampaign,
  CampaignRun,
  MessageDelivery,
  InboxMessage,
  OrderEvent,
} from './generated/prisma/client';
