import StorefrontOutlined from '@mui/icons-material/StorefrontOutlined';
import { MerchantList } from './MerchantList';
import { MerchantShow } from './MerchantShow';

export default { list: MerchantList, show: MerchantShow, icon: StorefrontOutlined, recordRepresentation: 'displayName' };
