import OutboxOutlined from '@mui/icons-material/OutboxOutlined';
import WebhookOutlined from '@mui/icons-material/WebhookOutlined';
import { WebhookDeliveryList } from './WebhookDeliveryList';
import { WebhookDeliveryShow } from './WebhookDeliveryShow';
import { WebhookEndpointCreate } from './WebhookEndpointCreate';
import { WebhookEndpointEdit } from './WebhookEndpointEdit';
import { WebhookEndpointList } from './WebhookEndpointList';

/** The Webhooks menu entry: the merchant's endpoints. */
export const webhookEndpoints = { list: WebhookEndpointList, create: WebhookEndpointCreate, edit: WebhookEndpointEdit, icon: WebhookOutlined, recordRepresentation: 'url' };

/** What was sent to them, reached from the Webhooks page's second tab. */
export const webhookDeliveries = { list: WebhookDeliveryList, show: WebhookDeliveryShow, icon: OutboxOutlined, recordRepresentation: 'eventType' };
