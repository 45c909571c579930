import StoreOutlined from '@mui/icons-material/StoreOutlined';
import { StoreList } from './StoreList';
import { StoreShow } from './StoreShow';

export default { list: StoreList, show: StoreShow, icon: StoreOutlined, recordRepresentation: 'name' };
