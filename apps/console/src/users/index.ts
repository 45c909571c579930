import PeopleAltOutlined from '@mui/icons-material/PeopleAltOutlined';
import { UserList } from './UserList';
import { UserShow } from './UserShow';

export default { list: UserList, show: UserShow, icon: PeopleAltOutlined, recordRepresentation: 'displayName' };
