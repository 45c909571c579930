import Replay from '@mui/icons-material/Replay';
import { Alert, Box, Button, Card, CardContent, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Grid, Link as MuiLink, Typography } from '@mui/material';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router-dom';
import { Labeled, Show, TextField, TopToolbar, useCanAccess, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime, LocaleDateField } from '../common';
import { useApiAction } from '../common/useApiAction';
import { DeliveryAttempts } from './DeliveryAttempts';
import { DeliveryStatusField, useEventTypeLabel } from './fields';
import { replayWebhookDelivery, type WebhookDeliveryRecord } from './webhookApi';

/** Sends a settled delivery again (a new job; its attempts continue the log), after confirming. */
export const ReplayDeliveryButton = () => {
  const record = useRecordContext<WebhookDeliveryRecord>();
  const translate = useTranslate();
  const label = useEventTypeLabel();
  const { canAccess } = useCanAccess({ resource: 'WebhookDelivery', action: 'replay', record });
  const [open, setOpen] = useState(false);
  const { busy, run } = useApiAction();
  if (!record || !canAccess) return null;
  const pending = record.status === 'PENDING';
  const replay = () => run(() => replayWebhookDelivery(record.id), { successMessage: 'mop.webhooks.replayed', onSuccess: () => setOpen(false) });
  return (
    <>
      <Button size="small" variant="contained" startIcon={<Replay />} disabled={pending} onClick={() => setOpen(true)} data-testid="webhook-replay">
        {translate('mop.webhooks.replay')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>{translate('mop.webhooks.replay_title')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ wordBreak: 'break-word' }}>{translate('mop.webhooks.replay_text', { event: label(record.eventType), url: record.endpointUrl })}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={busy} onClick={replay} data-testid="webhook-replay-confirm">
            {translate('mop.webhooks.replay')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

const DeliveryTitle = () => {
  const record = useRecordContext<WebhookDeliveryRecord>();
  const translate = useTranslate();
  const label = useEventTypeLabel();
  const name = translate('resources.WebhookDelivery.name', { smart_count: 1 });
  return <span>{record ? `${name} · ${label(record.eventType)}` : name}</span>;
};

const Panel = ({ title, children, testId }: { title: string; children: ReactNode; testId: string }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid={`panel-${testId}`}>
      <CardContent>
        <Typography variant="subtitle1" fontWeight={600} sx={{ mb: 1.5 }}>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

const Item = ({ field, children, wide = false }: { field: string; children: ReactNode; wide?: boolean }) => (
  <Grid size={{ xs: 12, sm: wide ? 12 : 6 }}>
    <Labeled label={`resources.WebhookDelivery.fields.${field}`}>{children as never}</Labeled>
  </Grid>
);

const StateNote = () => {
  const record = useRecordContext<WebhookDeliveryRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  if (record.status === 'PENDING') {
    return (
      <Alert severity="info" sx={{ mb: 2 }} data-testid="webhook-delivery-note">
        {record.nextAttemptAt ? translate('mop.webhooks.pending_next', { time: formatDateTime(record.nextAttemptAt, locale) }) : translate('mop.webhooks.pending')}
      </Alert>
    );
  }
  if (record.status === 'FAILED') {
    return (
      <Alert severity="error" sx={{ mb: 2 }} data-testid="webhook-delivery-note">
        {translate('mop.webhooks.failed_note', { error: record.lastError ?? '' })}
      </Alert>
    );
  }
  return null;
};

const Details = () => {
  const record = useRecordContext<WebhookDeliveryRecord>();
  const translate = useTranslate();
  const label = useEventTypeLabel();
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }} data-testid="webhook-delivery-show">
      <StateNote />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Panel title="mop.webhooks.sections.summary" testId="summary">
            <Grid container spacing={2}>
              <Item field="status">
                <DeliveryStatusField />
              </Item>
              <Item field="eventType">
                <Typography variant="body2">{label(record.eventType)}</Typography>
              </Item>
              <Item field="eventId" wide>
                <TextField source="eventId" sx={{ fontFamily: 'monospace' }} />
              </Item>
              <Item field="endpointUrl" wide>
                <MuiLink component={Link} to={`/WebhookEndpoint/${record.endpointId}`} variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                  {record.endpointUrl}
                </MuiLink>
              </Item>
              <Item field="attempts">
                <Typography variant="body2" data-testid="webhook-delivery-attempt-count">
                  {record.attempts}
                  {record.replays > 0 ? ` · ${translate('mop.webhooks.replayed_short', { smart_count: record.replays })}` : ''}
                </Typography>
              </Item>
              <Item field="createdAt">
                <LocaleDateField source="createdAt" />
              </Item>
              <Item field="deliveredAt">
                <LocaleDateField source="deliveredAt" emptyText={translate('mop.common.none')} />
              </Item>
            </Grid>
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Panel title="mop.webhooks.sections.payload" testId="payload">
            <Box
              component="pre"
              data-testid="webhook-delivery-payload"
              sx={{ m: 0, p: 1.5, bgcolor: 'action.hover', borderRadius: 1, fontSize: 12, maxHeight: 320, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
            >
              {JSON.stringify(record.payload, null, 2)}
            </Box>
          </Panel>
        </Grid>
        <Grid size={12}>
          <Panel title="mop.webhooks.sections.attempts" testId="attempts">
            <DeliveryAttempts />
          </Panel>
        </Grid>
      </Grid>
    </Box>
  );
};

const ShowActions = () => (
  <TopToolbar>
    <ReplayDeliveryButton />
  </TopToolbar>
);

/** One delivery: the event, what was sent, and every attempt; a settled one can be sent again. */
export const WebhookDeliveryShow = () => (
  <Show
    title={<DeliveryTitle />}
    actions={<ShowActions />}
    // While it is being sent (or waits for a retry) the page follows it.
    queryOptions={{ refetchInterval: (query) => ((query.state.data as WebhookDeliveryRecord | undefined)?.status === 'PENDING' ? 2000 : false) }}
  >
    <Details />
  </Show>
);
