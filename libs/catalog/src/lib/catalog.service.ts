import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type Db, isUniqueViolation, type Prisma, PRISMA, type Product, type ProductEnrollment, type Tx } from '@mop/data-access';
import { ConflictError, ForbiddenError, type ListArgs, NotFoundError, type RequestContext, toPage } from '@mop/api-kit';
import { AuditService } from '@mop/audit';
import { accessibleWhere, canOn } from '@mop/authz';
import { ApplicationEffects, ReviewService } from '@mop/reviews';
import type { ProductFilter, ProductType } from './product.types';

const SORTABLE = ['sortOrder', 'name', 'code'] as const;

/**
 * The product catalog and a merchant's enrolment in each product. Applying files a review
 * application (unless the product needs none); approval enables the product in the same transaction,
 * and operations marked `@RequiresProduct(code)` work from the next request on.
 */
@Injectable()
export class CatalogService implements OnModuleInit {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly reviews: ReviewService,
    private readonly effects: ApplicationEffects,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    const decide = (status: 'ACTIVE' | 'REJECTED', reason: string | null) => async (tx: Tx, enrollmentId: string) => {
      await tx.productEnrollment.update({
        where: { id: enrollmentId },
        data: { status, reason, activatedAt: status === 'ACTIVE' ? new Date() : null, version: { increment: 1 } },
      });
    };
    this.effects.register('PRODUCT_ENROLLMENT', {
      approved: (tx, _ctx, app) => decide('ACTIVE', null)(tx, app.subjectId),
      rejected: (tx, _ctx, app, reason) => decide('REJECTED', reason)(tx, app.subjectId),
      withdrawn: (tx, _ctx, app) => decide('REJECTED', 'Withdrawn by the merchant.')(tx, app.subjectId),
    });
  }

  async list(ctx: RequestContext, args: ListArgs, filter: ProductFilter = {}): Promise<ProductType[]> {
    const rows = await this.db.product.findMany({ where: this.where(ctx, filter), ...toPage(args, SORTABLE, ['sortOrder', 'asc']) });
    return this.withEnrollments(ctx, rows);
  }

  count(ctx: RequestContext, filter: ProductFilter = {}): Promise<number> {
    return this.db.product.count({ where: this.where(ctx, filter) });
  }

  async get(ctx: RequestContext, id: string): Promise<ProductType> {
    const row = await this.db.product.findFirst({ where: { AND: [accessibleWhere(ctx.ability, 'Product'), { id }] } });
    if (!row) throw new NotFoundError('Product', id);
    return (await this.withEnrollments(ctx, [row]))[0];
  }

  async apply(ctx: RequestContext, productId: string): Promise<ProductType> {
    const merchantId = ctx.principal?.membership?.merchantId;
    if (!merchantId || !canOn(ctx.ability, 'create', 'ProductEnrollment', { merchantId })) {
      throw new ForbiddenError('Only an active merchant\'s owner applies for products.');
    }
    const product = await this.db.product.findUnique({ where: { id: productId } });
    if (!product) throw new NotFoundError('Product', productId);
    const merchant = await this.db.merchant.findUniqueOrThrow({ where: { id: merchantId }, select: { displayName: true } });
    const status = product.requiresReview ? 'APPLIED' : 'ACTIVE';
    try {
      await this.db.$transaction(async (tx) => {
        const enrollment = await this.openEnrollment(tx, merchantId, product, status);
        let applicationId: string | null = null;
        if (product.requiresReview) {
          const application = await this.reviews.submit(tx, ctx, {
            kind: 'PRODUCT_ENROLLMENT',
            subjectType: 'ProductEnrollment',
            subjectId: enrollment.id,
            merchantId,
            payload: { productCode: product.code, productName: product.name, merchantId, merchantName: merchant.displayName },
          });
          applicationId = application.id;
          await tx.productEnrollment.update({ where: { id: enrollment.id }, data: { applicationId } });
        }
        await this.audit.record(tx, ctx, {
          action: product.requiresReview ? 'product.apply' : 'product.enable',
          subjectType: 'ProductEnrollment',
          subjectId: enrollment.id,
          changes: { product: product.code, status, ...(applicationId ? { applicationId } : {}) },
        });
      });
    } catch (err) {
      if (isUniqueViolation(err, ['merchantId', 'productId'])) throw new ConflictError(`${product.name} was applied for meanwhile.`);
      throw err;
    }
    return this.get(ctx, productId);
  }

  /** A new enrolment, or a rejected one reopened; anything else is CONFLICT. */
  private async openEnrollment(tx: Tx, merchantId: string, product: Product, status: 'APPLIED' | 'ACTIVE'): Promise<ProductEnrollment> {
    const existing = await tx.productEnrollment.findUnique({ where: { merchantId_productId: { merchantId, productId: product.id } } });
    const activatedAt = status === 'ACTIVE' ? new Date() : null;
    if (!existing) return tx.productEnrollment.create({ data: { merchantId, productId: product.id, status, activatedAt } });
    if (existing.status !== 'REJECTED') {
      const why = { APPLIED: 'is waiting for review', ACTIVE: 'is already enabled', SUSPENDED: 'was suspended by the platform' }[existing.status];
      throw new ConflictError(`${product.name} ${why}.`, { status: existing.status });
    }
    const { count } = await tx.productEnrollment.updateMany({
      where: { id: existing.id, status: 'REJECTED' },
      data: { status, reason: null, activatedAt, applicationId: null, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError(`${product.name} was applied for meanwhile.`);
    return { ...existing, status };
  }

  private where(ctx: RequestContext, f: ProductFilter): Prisma.ProductWhereInput {
    return {
      AND: [
        accessibleWhere(ctx.ability, 'Product'),
        f.ids?.length ? { id: { in: f.ids } } : {},
        f.q ? { OR: [{ name: { contains: f.q, mode: 'insensitive' } }, { code: { contains: f.q, mode: 'insensitive' } }] } : {},
      ],
    };
  }

  private async withEnrollments(ctx: RequestContext, rows: Product[]): Promise<ProductType[]> {
    const merchantId = ctx.principal?.membership?.merchantId;
    const enrollments = merchantId
      ? await this.db.productEnrollment.findMany({ where: { merchantId, productId: { in: rows.map((r) => r.id) } } })
      : [];
    const byProduct = new Map(enrollments.map((e) => [e.productId, e]));
    return rows.map((p) => {
      const e = byProduct.get(p.id);
      return { ...p, enrollmentStatus: e?.status ?? null, enrollmentReason: e?.reason ?? null, applicationId: e?.applicationId ?? null };
    });
  }
}
