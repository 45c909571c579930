import { Module } from '@nestjs/common';
import { CouponStockAdminService } from './coupon-stock-admin.service';
import { CouponStockResolver } from './coupon-stock.resolver';
import { CouponStockService } from './coupon-stock.service';

@Module({ providers: [CouponStockService, CouponStockAdminService, CouponStockResolver], exports: [CouponStockService] })
export class CouponsModule {}
