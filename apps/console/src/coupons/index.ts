import ConfirmationNumberOutlined from '@mui/icons-material/ConfirmationNumberOutlined';
import { CouponStockList } from './CouponStockList';

export default { list: CouponStockList, icon: ConfirmationNumberOutlined, recordRepresentation: 'name' };
