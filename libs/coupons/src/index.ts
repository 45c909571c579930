export * from './lib/coupons.module';
export * from './lib/coupon-stock.types';
export * from './lib/coupon-stock.input';
export { amountPerCoupon } from './lib/coupon-stock.rules';
