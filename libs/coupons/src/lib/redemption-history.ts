import { Inject, Injectable } from '@nestjs/common';
import { Args, Field, ID, InputType, Query, Resolver } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { type Db, type Prisma, PRISMA } from '@mop/data-access';
import { Allow, Ctx, IdArg, ListArgs, ListMetadata, MetaArgs, NotFoundError, type RequestContext, RequiresProduct, toPage } from '@mop/api-kit';
import { accessibleWhere } from '@mop/authz';
import { COUPONS_PRODUCT } from './coupon-stock.service';
import { REDEMPTION_INCLUDE, RedemptionType, toRedemption } from './redemption.types';

@InputType()
export class RedemptionFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() couponId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() stockId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() storeId?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) ids?: string[];
}

const SORTABLE = ['redeemedAt', 'reversedAt', 'orderAmount', 'discountAmount'] as const;

/**
 * A coupon's redemptions over time (a reversed one stays, with its reversal): the history behind the
 * counter's "last redemption". Clerks see the redemptions made at their stores.
 */
@Injectable()
export class RedemptionHistory {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async list(ctx: RequestContext, args: ListArgs, f: RedemptionFilter = {}): Promise<RedemptionType[]> {
    const rows = await this.db.redemption.findMany({ where: this.where(ctx, f), include: REDEMPTION_INCLUDE, ...toPage(args, SORTABLE, ['redeemedAt', 'desc']) });
    return rows.map(toRedemption);
  }

  count(ctx: RequestContext, f: RedemptionFilter = {}): Promise<number> {
    return this.db.redemption.count({ where: this.where(ctx, f) });
  }

  async get(ctx: RequestContext, id: string): Promise<RedemptionType> {
    const row = await this.db.redemption.findFirst({ where: this.where(ctx, { ids: [id] }), include: REDEMPTION_INCLUDE });
    if (!row) throw new NotFoundError('Redemption', id);
    return toRedemption(row);
  }

  private where(ctx: RequestContext, f: RedemptionFilter): Prisma.RedemptionWhereInput {
    return {
      AND: [
        accessibleWhere(ctx.ability, 'Redemption'),
        f.ids?.length ? { id: { in: f.ids } } : {},
        f.couponId ? { couponId: f.couponId } : {},
        f.stockId ? { coupon: { stockId: f.stockId } } : {},
        f.storeId ? { storeId: f.storeId } : {},
      ],
    };
  }
}

@Resolver(() => RedemptionType)
export class RedemptionHistoryResolver {
  constructor(private readonly history: RedemptionHistory) {}

  @Query(() => [RedemptionType]) @Allow('read', 'Redemption') @RequiresProduct(COUPONS_PRODUCT)
  allRedemptions(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Args('filter', { nullable: true }) filter?: RedemptionFilter) {
    return this.history.list(ctx, args, filter);
  }

  @Query(() => ListMetadata) @Allow('read', 'Redemption') @RequiresProduct(COUPONS_PRODUCT)
  async _allRedemptionsMeta(@Ctx() ctx: RequestContext, @Args() _args: MetaArgs, @Args('filter', { nullable: true }) filter?: RedemptionFilter) {
    return { count: await this.history.count(ctx, filter) };
  }

  @Query(() => RedemptionType, { name: 'Redemption' }) @Allow('read', 'Redemption') @RequiresProduct(COUPONS_PRODUCT)
  redemption(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.history.get(ctx, id);
  }
}
