import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import { AuditEventList } from './AuditEventList';
import { AuditEventShow } from './AuditEventShow';

export default { list: AuditEventList, show: AuditEventShow, icon: HistoryOutlined };
