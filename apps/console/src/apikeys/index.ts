import KeyOutlined from '@mui/icons-material/KeyOutlined';
import { ApiKeyList } from './ApiKeyList';

export default { list: ApiKeyList, icon: KeyOutlined, recordRepresentation: 'name' };
