import GroupOutlined from '@mui/icons-material/GroupOutlined';
import { MembershipEdit } from './MembershipEdit';
import { MembershipList } from './MembershipList';
import { MembershipShow } from './MembershipShow';

export default { list: MembershipList, show: MembershipShow, edit: MembershipEdit, icon: GroupOutlined, recordRepresentation: 'displayName' };
