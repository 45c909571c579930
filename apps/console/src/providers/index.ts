import HandshakeOutlined from '@mui/icons-material/HandshakeOutlined';
import { ServiceProviderList } from './ServiceProviderList';
import { ServiceProviderShow } from './ServiceProviderShow';

export default { list: ServiceProviderList, show: ServiceProviderShow, icon: HandshakeOutlined, recordRepresentation: 'name' };
