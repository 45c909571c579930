import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type Db, isUniqueViolation, PRISMA, type Prisma, type Tx } from '@mop/data-access';
import { BadUserInputError, ConflictError, NotFoundError, type RequestContext } from '@mop/api-kit';
import { AuditService } from '@mop/audit';
import { ApplicationEffects, type ApplicationType, ReviewService } from '@mop/reviews';
import { normalizeOpeningHours } from '@mop/tenancy';
import type { Role, WorkspaceKind } from '@mop/shared';
import type { MerchantApplicationInput, ProviderApplicationInput } from './onboarding.types';

const RESUBMITTABLE = ['REJECTED', 'WITHDRAWN'];

/**
 * The front door: a signed-in user applies to run a merchant or a provider. The tenant is created
 * PENDING_REVIEW with the application; a reviewer's approval activates it and makes the applicant its
 * owner (or provider admin) in the same transaction; a rejection records the reason, and the
 * applicant corrects and resubmits (a new application about the same tenant).
 */
@Injectable()
export class OnboardingService implements OnModuleInit {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly reviews: ReviewService,
    private readonly effects: ApplicationEffects,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.effects.register('MERCHANT_ONBOARDING', {
      approved: async (tx, _ctx, app) => {
        await tx.merchant.update({ where: { id: app.subjectId }, data: { status: 'ACTIVE', statusReason: null, version: { increment: 1 } } });
        if (app.applicantUserId) await grantMembership(tx, app.applicantUserId, 'MERCHANT', app.subjectId, 'OWNER');
      },
      rejected: (tx, _ctx, app, reason) => setTenantStatus(tx, 'merchant', app.subjectId, 'REJECTED', reason),
      withdrawn: (tx, _ctx, app) => setTenantStatus(tx, 'merchant', app.subjectId, 'REJECTED', 'Withdrawn by the applicant.'),
    });
    this.effects.register('PROVIDER_ONBOARDING', {
      approved: async (tx, _ctx, app) => {
        await tx.serviceProvider.update({ where: { id: app.subjectId }, data: { status: 'ACTIVE', statusReason: null, version: { increment: 1 } } });
        if (app.applicantUserId) await grantMembership(tx, app.applicantUserId, 'PROVIDER', app.subjectId, 'PROVIDER_ADMIN');
      },
      rejected: (tx, _ctx, app, reason) => setTenantStatus(tx, 'provider', app.subjectId, 'REJECTED', reason),
      withdrawn: (tx, _ctx, app) => setTenantStatus(tx, 'provider', app.subjectId, 'REJECTED', 'Withdrawn by the applicant.'),
    });
  }

  async applyAsMerchant(ctx: RequestContext, input: MerchantApplicationInput): Promise<ApplicationType> {
    const payload = merchantSnapshot(input);
    await this.assertNoPending(ctx, 'MERCHANT_ONBOARDING');
    const id = await this.writeUnique(async (tx) => {
      const merchant = await tx.merchant.create({ data: { ...merchantFields(input), status: 'PENDING_REVIEW' } });
      await tx.store.create({ data: { merchantId: merchant.id, ...payload.firstStore } });
      return this.file(tx, ctx, 'MERCHANT_ONBOARDING', 'Merchant', merchant.id, payload, 'merchant.apply');
    });
    return this.reviews.own(ctx, id);
  }

  async resubmitMerchant(ctx: RequestContext, applicationId: string, input: MerchantApplicationInput): Promise<ApplicationType> {
    const payload = merchantSnapshot(input);
    const previous = await this.resubmittable(ctx, applicationId, 'MERCHANT_ONBOARDING');
    const previousStoreCode = ((previous.payload as { firstStore?: { code?: string } }).firstStore?.code ?? payload.firstStore.code) as string;
    const id = await this.writeUnique(async (tx) => {
      const { count } = await tx.merchant.updateMany({
        where: { id: previous.subjectId, status: 'REJECTED' },
        data: { ...merchantFields(input), status: 'PENDING_REVIEW', statusReason: null, version: { increment: 1 } },
      });
      if (count === 0) throw new ConflictError('This merchant is not waiting for a correction.');
      await tx.store.upsert({
        where: { merchantId_code: { merchantId: previous.subjectId, code: previousStoreCode } },
        update: { ...payload.firstStore, version: { increment: 1 } },
        create: { merchantId: previous.subjectId, ...payload.firstStore },
      });
      return this.file(tx, ctx, 'MERCHANT_ONBOARDING', 'Merchant', previous.subjectId, payload, 'merchant.resubmit');
    });
    return this.reviews.own(ctx, id);
  }

  async applyAsProvider(ctx: RequestContext, input: ProviderApplicationInput): Promise<ApplicationType> {
    await this.assertNoPending(ctx, 'PROVIDER_ONBOARDING');
    const id = await this.writeUnique(async (tx) => {
      const provider = await tx.serviceProvider.create({ data: { ...providerFields(input), status: 'PENDING_REVIEW' } });
      return this.file(tx, ctx, 'PROVIDER_ONBOARDING', 'ServiceProvider', provider.id, { ...input }, 'provider.apply');
    });
    return this.reviews.own(ctx, id);
  }

  async resubmitProvider(ctx: RequestContext, applicationId: string, input: ProviderApplicationInput): Promise<ApplicationType> {
    const previous = await this.resubmittable(ctx, applicationId, 'PROVIDER_ONBOARDING');
    const id = await this.writeUnique(async (tx) => {
      const { count } = await tx.serviceProvider.updateMany({
        where: { id: previous.subjectId, status: 'REJECTED' },
        data: { ...providerFields(input), status: 'PENDING_REVIEW', statusReason: null, version: { increment: 1 } },
      });
      if (count === 0) throw new ConflictError('This provider is not waiting for a correction.');
      return this.file(tx, ctx, 'PROVIDER_ONBOARDING', 'ServiceProvider', previous.subjectId, { ...input }, 'provider.resubmit');
    });
    return this.reviews.own(ctx, id);
  }

  /** Files the application and its audit event in the transaction that created or corrected the tenant. */
  private async file(tx: Tx, ctx: RequestContext, kind: 'MERCHANT_ONBOARDING' | 'PROVIDER_ONBOARDING', subjectType: string, subjectId: string, payload: Record<string, unknown>, action: string) {
    const merchantId = kind === 'MERCHANT_ONBOARDING' ? subjectId : null;
    const providerId = kind === 'PROVIDER_ONBOARDING' ? subjectId : null;
    const application = await this.reviews.submit(tx, ctx, { kind, subjectType, subjectId, merchantId, providerId, payload });
    await this.audit.record(tx, ctx, { action, subjectType, subjectId, merchantId, providerId, changes: { applicationId: application.id } });
    return application.id;
  }

  private async assertNoPending(ctx: RequestContext, kind: 'MERCHANT_ONBOARDING' | 'PROVIDER_ONBOARDING') {
    const pending = await this.db.application.findFirst({ where: { applicantUserId: ctx.userId as string, kind, status: 'SUBMITTED' } });
    if (pending) throw new ConflictError('You already have an application of this kind in review.', { applicationId: pending.id });
  }

  private async resubmittable(ctx: RequestContext, applicationId: string, kind: 'MERCHANT_ONBOARDING' | 'PROVIDER_ONBOARDING') {
    const previous = await this.db.application.findFirst({ where: { id: applicationId, applicantUserId: ctx.userId as string, kind } });
    if (!previous) throw new NotFoundError('Application', applicationId);
    if (!RESUBMITTABLE.includes(previous.status)) throw new ConflictError('Only a rejected or withdrawn application can be corrected and resubmitted.', { status: previous.status });
    const later = await this.db.application.findFirst({ where: { subjectId: previous.subjectId, submittedAt: { gt: previous.submittedAt } } });
    if (later) throw new ConflictError('This application was already resubmitted.', { applicationId: later.id });
    return previous;
  }

  /** A licence number (or store code) that is taken is the applicant's input: CONFLICT naming the field. */
  private async writeUnique(work: (tx: Tx) => Promise<string>): Promise<string> {
    try {
      return await this.db.$transaction(work);
    } catch (err) {
      if (isUniqueViolation(err, ['licenceNumber'])) throw new ConflictError('This business licence number is already registered.', { field: 'licenceNumber' });
      throw err;
    }
  }
}

function merchantSnapshot(input: MerchantApplicationInput) {
  assertTimeZone(input.timeZone);
  const openingHours = normalizeOpeningHours(input.firstStore.openingHours ?? []);
  return {
    ...merchantFields(input),
    firstStore: {
      code: input.firstStore.code,
      name: input.firstStore.name.trim(),
      address: input.firstStore.address.trim(),
      openingHours: openingHours as unknown as Prisma.InputJsonArray,
    },
  };
}

function merchantFields(input: MerchantApplicationInput) {
  return {
    legalName: input.legalName.trim(),
    displayName: input.displayName.trim(),
    licenceNumber: input.licenceNumber.toUpperCase(),
    category: input.category.trim(),
    contactName: input.contactName.trim(),
    contactEmail: input.contactEmail.trim().toLowerCase(),
    contactPhone: input.contactPhone?.trim() || null,
    country: input.country,
    currency: input.currency,
    timeZone: input.timeZone,
  };
}

function providerFields(input: ProviderApplicationInput) {
  return {
    name: input.name.trim(),
    legalName: input.legalName.trim(),
    licenceNumber: input.licenceNumber.toUpperCase(),
    contactName: input.contactName.trim(),
    contactEmail: input.contactEmail.trim().toLowerCase(),
    website: input.website ?? null,
    description: input.description ?? null,
  };
}

function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new BadUserInputError('timeZone', `${timeZone} is not a time zone (use an IANA name such as Asia/Shanghai).`);
  }
}

async function setTenantStatus(tx: Tx, tenant: 'merchant' | 'provider', id: string, status: 'REJECTED', reason: string) {
  const data = { status, statusReason: reason, version: { increment: 1 } } satisfies Prisma.MerchantUpdateInput;
  if (tenant === 'merchant') await tx.merchant.update({ where: { id }, data });
  else await tx.serviceProvider.update({ where: { id }, data });
}

/** Makes the user a member of the workspace with the role (reactivating a removed membership). */
async function grantMembership(tx: Tx, userId: string, kind: WorkspaceKind, tenantId: string, role: Role) {
  const workspaceKey = `${kind === 'MERCHANT' ? 'merchant' : 'provider'}:${tenantId}`;
  const ids = kind === 'MERCHANT' ? { merchantId: tenantId } : { providerId: tenantId };
  await tx.membership.upsert({
    where: { userId_workspaceKey: { userId, workspaceKey } },
    update: { role, status: 'ACTIVE', version: { increment: 1 } },
    create: { userId, kind, workspaceKey, role, ...ids },
  });
}
