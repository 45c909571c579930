export * from './lib/coupons.module';
export * from './lib/coupon-stock.types';
