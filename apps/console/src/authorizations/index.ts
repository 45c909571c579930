import VerifiedUserOutlined from '@mui/icons-material/VerifiedUserOutlined';
import { AuthorizationList } from './AuthorizationList';
import { AuthorizationShow } from './AuthorizationShow';

export default { list: AuthorizationList, show: AuthorizationShow, icon: VerifiedUserOutlined };
