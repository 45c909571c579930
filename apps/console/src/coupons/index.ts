import ConfirmationNumberOutlined from '@mui/icons-material/ConfirmationNumberOutlined';
import LocalActivityOutlined from '@mui/icons-material/LocalActivityOutlined';
import { CouponList } from './CouponList';
import { CouponShow } from './CouponShow';
import { CouponStockCreate } from './CouponStockCreate';
import { CouponStockEdit } from './CouponStockEdit';
import { CouponStockList } from './CouponStockList';
import { CouponStockShow } from './CouponStockShow';

export default {
  list: CouponStockList,
  create: CouponStockCreate,
  edit: CouponStockEdit,
  show: CouponStockShow,
  icon: ConfirmationNumberOutlined,
  recordRepresentation: 'name',
};

/** Customers' coupons (resource Coupon): reached from the menu under Coupons and from a stock's page. */
export const customerCoupons = {
  list: CouponList,
  show: CouponShow,
  icon: LocalActivityOutlined,
  recordRepresentation: 'code',
};
