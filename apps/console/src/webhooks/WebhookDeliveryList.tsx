import { Stack, Tooltip, Typography } from '@mui/material';
import { DataTable, List, ReferenceInput, SearchInput, SelectInput, useRecordContext, useTranslate } from 'react-admin';
import { EmptyState, LocaleDateField } from '../common';
import { DeliveryStatusField, useEventTypeLabel } from './fields';
import { DELIVERY_LIST_FIELDS, DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES, type WebhookDeliveryRecord } from './webhookApi';
import { WebhooksTabs } from './WebhooksTabs';

const EventField = () => {
  const record = useRecordContext<WebhookDeliveryRecord>();
  const label = useEventTypeLabel();
  if (!record) return null;
  return (
    <Stack spacing={0.25}>
      <Typography variant="body2">{label(record.eventType)}</Typography>
      <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
        {record.eventId}
      </Typography>
    </Stack>
  );
};

const EndpointField = () => {
  const record = useRecordContext<WebhookDeliveryRecord>();
  if (!record) return null;
  return (
    <Tooltip title={record.endpointUrl}>
      <Typography variant="body2" noWrap sx={{ fontFamily: 'monospace', maxWidth: 360 }}>
        {record.endpointUrl}
      </Typography>
    </Tooltip>
  );
};

const AttemptsField = () => {
  const record = useRecordContext<WebhookDeliveryRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography variant="body2" data-testid="webhook-delivery-attempts">
      {record.attempts}
      {record.replays > 0 && (
        <Typography component="span" variant="caption" color="text.secondary">
          {` · ${translate('mop.webhooks.replayed_short', { smart_count: record.replays })}`}
        </Typography>
      )}
    </Typography>
  );
};

const LastErrorField = () => {
  const record = useRecordContext<WebhookDeliveryRecord>();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.lastError) return <Typography variant="body2" color="text.secondary">{translate('mop.common.none')}</Typography>;
  return (
    <Tooltip title={record.lastError}>
      <Typography variant="body2" color={record.status === 'FAILED' ? 'error.main' : 'text.secondary'} noWrap sx={{ maxWidth: 240 }}>
        {record.lastError}
      </Typography>
    </Tooltip>
  );
};

/** What was sent to the endpoints: newest first, with how it went. */
export const WebhookDeliveryList = () => {
  const translate = useTranslate();
  const label = useEventTypeLabel();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.WebhookDelivery.fields.eventId')} />,
    <SelectInput
      key="status"
      source="status"
      choices={DELIVERY_STATUSES.map((id) => ({ id, name: translate(`mop.webhooks.status.${id}`) }))}
      translateChoice={false}
      alwaysOn
    />,
    <SelectInput key="eventType" source="eventType" choices={WEBHOOK_EVENT_TYPES.map((id) => ({ id, name: label(id) }))} translateChoice={false} alwaysOn />,
    <ReferenceInput key="endpointId" source="endpointId" reference="WebhookEndpoint" sort={{ field: 'url', order: 'ASC' }} perPage={100} alwaysOn>
      <SelectInput optionText="url" label="resources.WebhookDelivery.fields.endpointId" sx={{ minWidth: 240 }} />
    </ReferenceInput>,
  ];
  return (
    <>
      <WebhooksTabs current="deliveries" />
      <List
        title={translate('mop.webhooks.title')}
        filters={filters}
        sort={{ field: 'createdAt', order: 'DESC' }}
        exporter={false}
        empty={false}
        // The payload and the attempt log are for the detail page.
        queryOptions={{ meta: { sparseFields: DELIVERY_LIST_FIELDS } }}
      >
        <DataTable bulkActionButtons={false} rowClick="show" empty={<EmptyState />} data-testid="webhook-delivery-list">
          <DataTable.Col source="status">
            <DeliveryStatusField />
          </DataTable.Col>
          <DataTable.Col source="eventType">
            <EventField />
          </DataTable.Col>
          <DataTable.Col source="endpointUrl" disableSort>
            <EndpointField />
          </DataTable.Col>
          <DataTable.Col source="attempts">
            <AttemptsField />
          </DataTable.Col>
          <DataTable.Col source="lastError" disableSort>
            <LastErrorField />
          </DataTable.Col>
          <DataTable.Col source="createdAt" field={LocaleDateField} />
        </DataTable>
      </List>
    </>
  );
};
