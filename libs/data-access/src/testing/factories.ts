/**
 * Small factories for tests that own their data. Every value that must be unique gets a fresh
 * suffix, so factories can be called any number of times in one database.
 */
import { randomBytes } from 'node:crypto';
import type {
  Authorization,
  AuthorizationScope,
  Membership,
  Merchant,
  Prisma,
  Role,
  ServiceProvider,
  Store,
  User,
  WorkspaceKind,
} from '../generated/prisma/client';
import type { DbOrTx } from '../client/prisma-client';
import { DEMO_PASSWORD, hashPassword, workspaceKey } from '../seed/demo-seed';

let counter = 0;
/** A short unique token for names, e-mails and licence numbers. */
export function uniqueSuffix(): string {
  counter += 1;
  return `${counter.toString(36)}${randomBytes(3).toString('hex')}`;
}

let demoHash: Promise<string> | undefined;
/** Argon2id hash of `Demo#2026pass`, computed once per process. */
export function testPasswordHash(): Promise<string> {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  return demoHash;
}

export type MakeUserInput = Partial<Prisma.UserUncheckedCreateInput> & { password?: string };

/** A user; the password is `Demo#2026pass` unless `password` or `passwordHash` is given. */
export async function makeUser(db: DbOrTx, input: MakeUserInput = {}): Promise<User> {
  const { password, ...data } = input;
  const s = uniqueSuffix();
  return db.user.create({
    data: {
      email: `user-${s}@test.example`,
      displayName: `Test User ${s}`,
      ...data,
      passwordHash: data.passwordHash ?? (password ? await hashPassword(password) : await testPasswordHash()),
    },
  });
}

/** An ACTIVE merchant (CN, CNY, Asia/Shanghai) unless overridden. */
export async function makeMerchant(db: DbOrTx, input: Partial<Prisma.MerchantUncheckedCreateInput> = {}): Promise<Merchant> {
  const s = uniqueSuffix();
  return db.merchant.create({
    data: {
      legalName: `Test Merchant ${s} Ltd.`,
      displayName: `Test Merchant ${s}`,
      licenceNumber: `TEST-M-${s}`,
      category: 'Retail',
      contactName: 'Test Contact',
      contactEmail: `contact-${s}@merchant.example`,
      country: 'CN',
      currency: 'CNY',
      timeZone: 'Asia/Shanghai',
      status: 'ACTIVE',
      ...input,
    },
  });
}

/** An ACTIVE service provider unless overridden. */
export async function makeProvider(
  db: DbOrTx,
  input: Partial<Prisma.ServiceProviderUncheckedCreateInput> = {},
): Promise<ServiceProvider> {
  const s = uniqueSuffix();
  return db.serviceProvider.create({
    data: {
      name: `Test Provider ${s}`,
      legalName: `Test Provider ${s} Ltd.`,
      licenceNumber: `TEST-P-${s}`,
      contactName: 'Test Contact',
      contactEmail: `contact-${s}@provider.example`,
      status: 'ACTIVE',
      ...input,
    },
  });
}

/** A store of `merchantId`. */
export async function makeStore(
  db: DbOrTx,
  input: Partial<Prisma.StoreUncheckedCreateInput> & { merchantId: string },
): Promise<Store> {
  const s = uniqueSuffix();
  return db.store.create({
    data: { code: `S${s.toUpperCase()}`, name: `Store ${s}`, address: `${s} Test Road`, ...input },
  });
}

export interface MakeMembershipInput {
  userId: string;
  role: Role;
  /** Default: from the ids given (merchantId → MERCHANT, providerId → PROVIDER, neither → PLATFORM). */
  kind?: WorkspaceKind;
  merchantId?: string;
  providerId?: string;
  /** Stores a CLERK may redeem at. */
  storeIds?: string[];
  status?: Prisma.MembershipUncheckedCreateInput['status'];
}

/** A membership with the right `workspaceKey` (and clerk stores). */
export async function makeMembership(db: DbOrTx, input: MakeMembershipInput): Promise<Membership> {
  const kind: WorkspaceKind = input.kind ?? (input.merchantId ? 'MERCHANT' : input.providerId ? 'PROVIDER' : 'PLATFORM');
  const merchantId = kind === 'MERCHANT' ? input.merchantId ?? null : null;
  const providerId = kind === 'PROVIDER' ? input.providerId ?? null : null;
  return db.membership.create({
    data: {
      userId: input.userId,
      kind,
      merchantId,
      providerId,
      workspaceKey: workspaceKey(kind, merchantId, providerId),
      role: input.role,
      status: input.status,
      stores: input.storeIds?.length ? { create: input.storeIds.map((storeId) => ({ storeId })) } : undefined,
    },
  });
}

export type MakeAuthorizationInput = Partial<Prisma.AuthorizationUncheckedCreateInput> & {
  merchantId: string;
  providerId: string;
  scopes?: AuthorizationScope[];
};

/** An ACTIVE authorization valid for 30 days with every scope unless overridden. */
export async function makeAuthorization(db: DbOrTx, input: MakeAuthorizationInput): Promise<Authorization> {
  return db.authorization.create({
    data: {
      scopes: ['COUPONS_MANAGE', 'COUPONS_REDEEM', 'MESSAGES_SEND', 'MINIPROGRAMS_MANAGE', 'REPORTS_VIEW'],
      status: 'ACTIVE',
      expiresAt: new Date(Date.now() + 30 * 24 * 3600 * 1000),
      decidedAt: new Date(),
      ...input,
    },
  });
}
