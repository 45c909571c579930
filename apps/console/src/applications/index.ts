import FactCheckOutlined from '@mui/icons-material/FactCheckOutlined';
import { ApplicationList } from './ApplicationList';
import { ApplicationShow } from './ApplicationShow';

export default { list: ApplicationList, show: ApplicationShow, icon: FactCheckOutlined, recordRepresentation: 'subjectName' };
