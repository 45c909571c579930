import { Inject, Injectable } from '@nestjs/common';
import { type Db, isUniqueViolation, PRISMA, type Store } from '@mop/data-access';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError, type RequestContext } from '@mop/api-kit';
import { AuditService } from '@mop/audit';
import { accessibleWhere, canOn } from '@mop/authz';
import { normalizeOpeningHours, openingHoursJson, toStore } from './opening-hours';
import type { StoreInput, UpdateStoreInput } from './store-admin.types';
import type { StoreType } from './tenancy.types';

/** A merchant's stores: create, edit (optimistically, by version), close and reopen. */
@Injectable()
export class StoreAdminService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async create(ctx: RequestContext, input: StoreInput): Promise<StoreType> {
    const m = ctx.principal?.membership;
    if (m?.kind !== 'MERCHANT' || !m.merchantId) throw new ForbiddenError('Stores are added in the workspace of their merchant.');
    const merchantId = m.merchantId;
    if (!canOn(ctx.ability, 'create', 'Store', { merchantId })) throw new ForbiddenError();
    const data = {
      merchantId,
      code: input.code,
      name: input.name.trim(),
      address: input.address.trim(),
      openingHours: normalizeOpeningHours(input.openingHours ?? []),
    };
    try {
      const store = await this.db.$transaction(async (tx) => {
        const created = await tx.store.create({ data: { ...data, openingHours: openingHoursJson(data.openingHours) } });
        await this.audit.record(tx, ctx, { action: 'store.create', subjectType: 'Store', subjectId: created.id, changes: { after: data } });
        return created;
      });
      return toStore(store);
    } catch (err) {
      if (isUniqueViolation(err, ['merchantId', 'code'])) throw new ConflictError(`The merchant already has a store with the code ${data.code}.`, { field: 'code' });
      throw err;
    }
  }

  async update(ctx: RequestContext, id: string, input: UpdateStoreInput): Promise<StoreType> {
    const changes = {
      ...(input.name != null ? { name: input.name.trim() } : {}),
      ...(input.address != null ? { address: input.address.trim() } : {}),
      ...(input.openingHours != null ? { openingHours: normalizeOpeningHours(input.openingHours) } : {}),
    };
    if (Object.keys(changes).length === 0) throw new BadUserInputError('input', 'Nothing to change.');
    const store = await this.load(ctx, id, 'update');
    if (store.version !== input.version) throw staleStore();
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, store[k as keyof typeof changes]]));
    await this.db.$transaction(async (tx) => {
      const { openingHours, ...rest } = changes;
      const { count } = await tx.store.updateMany({
        where: { id, version: input.version },
        data: { ...rest, ...(openingHours ? { openingHours: openingHoursJson(openingHours) } : {}), version: { increment: 1 } },
      });
      if (count === 0) throw staleStore();
      await this.audit.record(tx, ctx, { action: 'store.update', subjectType: 'Store', subjectId: id, merchantId: store.merchantId, changes: { before, after: changes } });
    });
    return this.reload(id);
  }

  close(ctx: RequestContext, id: string): Promise<StoreType> {
    return this.setStatus(ctx, id, 'OPEN', 'CLOSED');
  }

  reopen(ctx: RequestContext, id: string): Promise<StoreType> {
    return this.setStatus(ctx, id, 'CLOSED', 'OPEN');
  }

  private async setStatus(ctx: RequestContext, id: string, from: 'OPEN' | 'CLOSED', to: 'OPEN' | 'CLOSED'): Promise<StoreType> {
    const store = await this.load(ctx, id, 'update');
    const conflict = () => new ConflictError(`The store is already ${to === 'CLOSED' ? 'closed' : 'open'}.`, { reason: `ALREADY_${to}` });
    if (store.status !== from) throw conflict();
    await this.db.$transaction(async (tx) => {
      // The status guard makes two people closing at once collide instead of both "succeeding".
      const { count } = await tx.store.updateMany({ where: { id, status: from }, data: { status: to, version: { increment: 1 } } });
      if (count === 0) throw conflict();
      await this.audit.record(tx, ctx, {
        action: to === 'CLOSED' ? 'store.close' : 'store.reopen',
        subjectType: 'Store',
        subjectId: id,
        merchantId: store.merchantId,
        changes: { status: { from, to } },
      });
    });
    return this.reload(id);
  }

  /** Another tenant's store is NOT_FOUND, like one that does not exist; a visible one must allow `action`. */
  private async load(ctx: RequestContext, id: string, action: 'update'): Promise<Store> {
    const store = await this.db.store.findFirst({ where: { AND: [accessibleWhere(ctx.ability, 'Store'), { id }] } });
    if (!store) throw new NotFoundError('Store', id);
    if (!canOn(ctx.ability, action, 'Store', store)) throw new ForbiddenError();
    return store;
  }

  private async reload(id: string): Promise<StoreType> {
    return toStore(await this.db.store.findUniqueOrThrow({ where: { id } }));
  }
}

function staleStore() {
  return new ConflictError('The store was changed meanwhile; reload it and try again.', { reason: 'STALE_VERSION', field: 'version' });
}
