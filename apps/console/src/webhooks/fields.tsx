import { Chip, type ChipProps, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { WebhookDeliveryRecord, WebhookEndpointRecord } from './webhookApi';

/** An event type's label: `coupon.claimed` is the key `mop.webhooks.event_types.coupon.claimed`. */
export function useEventTypeLabel() {
  const translate = useTranslate();
  return (type: string) => translate(`mop.webhooks.event_types.${type}`, { _: type });
}

/** The URL in monospace, with the description under it. */
export const EndpointUrlField = () => {
  const record = useRecordContext<WebhookEndpointRecord>();
  if (!record) return null;
  return (
    <Stack spacing={0.25} sx={{ minWidth: 0 }}>
      <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} data-testid="webhook-endpoint-url">
        {record.url}
      </Typography>
      {record.description && (
        <Typography variant="caption" color="text.secondary">
          {record.description}
        </Typography>
      )}
    </Stack>
  );
};

/** The subscribed event types as chips; none means every event. */
export const EventTypesField = () => {
  const record = useRecordContext<WebhookEndpointRecord>();
  const translate = useTranslate();
  const label = useEventTypeLabel();
  if (!record) return null;
  if (record.eventTypes.length === 0) return <Chip size="small" color="primary" variant="outlined" label={translate('mop.webhooks.all_events')} />;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      {record.eventTypes.map((type) => (
        <Chip key={type} size="small" label={label(type)} />
      ))}
    </Stack>
  );
};

export const EnabledField = () => {
  const record = useRecordContext<WebhookEndpointRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={record.enabled ? 'success' : 'default'}
      label={translate(record.enabled ? 'mop.webhooks.enabled' : 'mop.webhooks.disabled')}
      data-testid={`webhook-endpoint-${record.enabled ? 'enabled' : 'disabled'}`}
    />
  );
};

const DELIVERY_STATUS_COLORS: Record<string, ChipProps['color']> = { PENDING: 'info', SUCCEEDED: 'success', FAILED: 'error' };

/** A delivery's status as a chip, worded for sending (`mop.webhooks.status`). */
export const DeliveryStatusField = () => {
  const record = useRecordContext<WebhookDeliveryRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={DELIVERY_STATUS_COLORS[record.status] ?? 'default'}
      label={translate(`mop.webhooks.status.${record.status}`, { _: record.status })}
      data-testid={`status-${record.status}`}
    />
  );
};
