import { Module } from '@nestjs/common';
import { CouponStockResolver } from './coupon-stock.resolver';
import { CouponStockService } from './coupon-stock.service';

@Module({ providers: [CouponStockService, CouponStockResolver] })
export class CouponsModule {}
