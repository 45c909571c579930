import GroupOutlined from '@mui/icons-material/GroupOutlined';
import { MembershipList } from './MembershipList';
import { MembershipShow } from './MembershipShow';

export default { list: MembershipList, show: MembershipShow, icon: GroupOutlined, recordRepresentation: 'displayName' };
