import StoreOutlined from '@mui/icons-material/StoreOutlined';
import { StoreCreate, StoreEdit } from './StoreForms';
import { StoreList } from './StoreList';
import { StoreShow } from './StoreShow';

export default { list: StoreList, show: StoreShow, create: StoreCreate, edit: StoreEdit, icon: StoreOutlined, recordRepresentation: 'name' };
