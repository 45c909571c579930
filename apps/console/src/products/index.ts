import AppsOutlined from '@mui/icons-material/AppsOutlined';
import { ProductList } from './ProductList';

export default { list: ProductList, icon: AppsOutlined, recordRepresentation: 'name' };
