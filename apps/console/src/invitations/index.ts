import MailOutline from '@mui/icons-material/MailOutline';
import { InvitationCreate } from './InvitationCreate';
import { InvitationList } from './InvitationList';

export default { list: InvitationList, create: InvitationCreate, icon: MailOutline, recordRepresentation: 'email' };
export { AcceptInvitationPage } from './AcceptInvitationPage';
