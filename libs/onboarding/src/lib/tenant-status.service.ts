import { Inject, Injectable } from '@nestjs/common';
import { type Db, PRISMA } from '@mop/data-access';
import { ConflictError, ForbiddenError, NotFoundError, type RequestContext } from '@mop/api-kit';
import { AuditService } from '@mop/audit';
import { accessibleWhere, canOn } from '@mop/authz';

type Tenant = 'Merchant' | 'ServiceProvider';

/**
 * Platform admins suspend an ACTIVE merchant or provider (with a reason) and reactivate it. A
 * suspended tenant's staff still sign in, read and see why (the workspace carries the reason), but
 * their ability loses every write (`tenantActive` is false) from their next request on.
 */
@Injectable()
export class TenantStatusService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  suspend(ctx: RequestContext, tenant: Tenant, id: string, reason: string) {
    return this.move(ctx, tenant, id, 'ACTIVE', 'SUSPENDED', reason.trim());
  }

  reactivate(ctx: RequestContext, tenant: Tenant, id: string) {
    return this.move(ctx, tenant, id, 'SUSPENDED', 'ACTIVE', null);
  }

  private async move(ctx: RequestContext, tenant: Tenant, id: string, from: 'ACTIVE' | 'SUSPENDED', to: 'ACTIVE' | 'SUSPENDED', reason: string | null) {
    const delegate = tenant === 'Merchant' ? this.db.merchant : this.db.serviceProvider;
    const row = await (delegate as typeof this.db.merchant).findFirst({ where: { AND: [accessibleWhere(ctx.ability, tenant as 'Merchant'), { id }] } });
    if (!row) throw new NotFoundError(tenant === 'Merchant' ? 'Merchant' : 'Service provider', id);
    if (!canOn(ctx.ability, 'suspend', tenant, row)) throw new ForbiddenError('Only platform admins suspend and reactivate tenants.');
    if (row.status !== from) throw new ConflictError(`Only an ${from.toLowerCase()} ${tenant === 'Merchant' ? 'merchant' : 'provider'} can be ${to === 'SUSPENDED' ? 'suspended' : 'reactivated'}.`, { status: row.status });
    await this.db.$transaction(async (tx) => {
      const data = { status: to, statusReason: reason, version: { increment: 1 } };
      const where = { id, status: from };
      const { count } = tenant === 'Merchant' ? await tx.merchant.updateMany({ where, data }) : await tx.serviceProvider.updateMany({ where, data });
      if (count === 0) throw new ConflictError('The status changed meanwhile; reload and try again.');
      await this.audit.record(tx, ctx, {
        action: `${tenant === 'Merchant' ? 'merchant' : 'provider'}.${to === 'SUSPENDED' ? 'suspend' : 'reactivate'}`,
        subjectType: tenant,
        subjectId: id,
        merchantId: tenant === 'Merchant' ? id : null,
        providerId: tenant === 'ServiceProvider' ? id : null,
        changes: { status: { from, to }, ...(reason ? { reason } : {}) },
      });
    });
    return tenant === 'Merchant' ? this.db.merchant.findUniqueOrThrow({ where: { id } }) : this.db.serviceProvider.findUniqueOrThrow({ where: { id } });
  }
}
