import ConfirmationNumberOutlined from '@mui/icons-material/ConfirmationNumberOutlined';
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
