import { Module } from '@nestjs/common';
import { QueuesModule } from '@mop/queues';
import { BulkIssueResolver } from './bulk-issue.resolver';
import { BulkIssueRunner } from './bulk-issue.runner';
import { BulkIssueService } from './bulk-issue.service';
import { ClaimResolver } from './claim.resolver';
import { CouponClaimService } from './claim.service';
import { ClaimableStocksQuery } from './claimable-stocks.query';
import { CouponCounterSync } from './coupon-counter-sync';
import { CouponCounters } from './coupon-counters';
import { CouponStockAdminService } from './coupon-stock-admin.service';
import { CouponStockResolver } from './coupon-stock.resolver';
import { CouponStockService } from './coupon-stock.service';
import { CouponPlazaResolver } from './coupon-plaza.resolver';
import { CouponPlazaService } from './coupon-plaza.service';
import { CouponStockPublicChannelResolver } from './public-channel.resolver';
import { CouponPublicChannelService } from './public-channel.service';
import { UploadedCodesResolver } from './uploaded-codes.resolver';
import { UploadedCodesService } from './uploaded-codes.service';
import { CouponAdminService } from './coupon-admin.service';
import { CouponExpiryService } from './coupon-expiry.service';
import { CouponStockActivityResolver } from './coupon-stock-activity.resolver';
import { CouponStockActivityService } from './coupon-stock-activity.service';
import { CouponResolver } from './coupon.resolver';
import { RedemptionHistory, RedemptionHistoryResolver } from './redemption-history';
import { CouponService } from './coupon.service';
import { RedemptionResolver } from './redemption.resolver';
import { RedemptionService } from './redemption.service';

@Module({
  imports: [QueuesModule],
  providers: [
    CouponStockService,
    CouponStockAdminService,
    CouponStockResolver,
    CouponCounters,
    CouponCounterSync,
    CouponClaimService,
    ClaimableStocksQuery,
    ClaimResolver,
    RedemptionHistory,
    RedemptionHistoryResolver,
    CouponPublicChannelService,
    CouponStockPublicChannelResolver,
    CouponPlazaService,
    CouponPlazaResolver,
    UploadedCodesService,
    UploadedCodesResolver,
    CouponService,
    CouponAdminService,
    CouponResolver,
    RedemptionService,
    RedemptionResolver,
    CouponExpiryService,
    CouponStockActivityService,
    CouponStockActivityResolver,
    BulkIssueService,
    BulkIssueResolver,
    BulkIssueRunner,
  ],
  exports: [CouponStockService, CouponCounters, CouponCounterSync, CouponClaimService, CouponExpiryService, BulkIssueRunner],
})
export class CouponsModule {}
