import DeleteOutline from '@mui/icons-material/DeleteOutline';
import ListAlt from '@mui/icons-material/ListAlt';
import Autorenew from '@mui/icons-material/Autorenew';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Edit, SaveButton, SimpleForm, Toolbar, TopToolbar, useCanAccess, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { useApiAction } from '../common/useApiAction';
import { deleteWebhookEndpoint, rotateWebhookEndpointSecret, type WebhookEndpointRecord } from './webhookApi';
import { WebhookEndpointInputs } from './WebhookEndpointInputs';
import { WebhookSecretDialog } from './WebhookSecretDialog';

const EndpointTitle = () => {
  const record = useRecordContext<WebhookEndpointRecord>();
  const translate = useTranslate();
  return <span>{record ? `${translate('mop.webhooks.edit_title')} · ${record.url}` : translate('mop.webhooks.edit_title')}</span>;
};

/** A new signing secret after confirming; shown once. */
export const RotateSecretButton = () => {
  const record = useRecordContext<WebhookEndpointRecord>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'WebhookEndpoint', action: 'edit', record });
  const [confirming, setConfirming] = useState(false);
  const [rotated, setRotated] = useState<{ title: string; secret: string } | null>(null);
  const { busy, run } = useApiAction();
  if (!record || !canAccess) return null;
  const rotate = () =>
    run(() => rotateWebhookEndpointSecret(record.id), {
      onSuccess: ({ secret }) => {
        setConfirming(false);
        setRotated({ title: translate('mop.webhooks.rotated_title'), secret });
      },
    });
  return (
    <>
      <Button size="small" startIcon={<Autorenew />} onClick={() => setConfirming(true)} data-testid="webhook-rotate">
        {translate('mop.webhooks.rotate')}
      </Button>
      <Dialog open={confirming} onClose={() => setConfirming(false)}>
        <DialogTitle>{translate('mop.webhooks.rotate_title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('mop.webhooks.rotate_text')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={busy} onClick={rotate} data-testid="webhook-rotate-confirm">
            {translate('mop.webhooks.rotate')}
          </Button>
        </DialogActions>
      </Dialog>
      <WebhookSecretDialog shown={rotated} onClose={() => setRotated(null)} />
    </>
  );
};

/** Deletes the endpoint and its delivery history, after confirming. */
export const DeleteEndpointButton = () => {
  const record = useRecordContext<WebhookEndpointRecord>();
  const translate = useTranslate();
  const redirect = useRedirect();
  const { canAccess } = useCanAccess({ resource: 'WebhookEndpoint', action: 'delete', record });
  const [open, setOpen] = useState(false);
  const { busy, run } = useApiAction();
  if (!record || !canAccess) return null;
  const remove = () =>
    run(() => deleteWebhookEndpoint(record.id), {
      successMessage: 'mop.webhooks.deleted',
      refresh: false,
      onSuccess: () => {
        setOpen(false);
        redirect('list', 'WebhookEndpoint');
      },
    });
  return (
    <>
      <Button size="small" color="error" startIcon={<DeleteOutline />} onClick={() => setOpen(true)} data-testid="webhook-delete">
        {translate('mop.webhooks.delete')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>{translate('mop.webhooks.delete_title')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ wordBreak: 'break-word' }}>{translate('mop.webhooks.delete_text', { url: record.url })}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button color="error" variant="contained" disabled={busy} onClick={remove} data-testid="webhook-delete-confirm">
            {translate('mop.webhooks.delete')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

const ViewDeliveriesButton = () => {
  const record = useRecordContext<WebhookEndpointRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const search = `filter=${encodeURIComponent(JSON.stringify({ endpointId: record.id }))}`;
  return (
    <Button size="small" startIcon={<ListAlt />} component={Link} to={{ pathname: '/WebhookDelivery', search }} data-testid="webhook-view-deliveries">
      {translate('mop.webhooks.view_deliveries')}
    </Button>
  );
};

const EditActions = () => (
  <TopToolbar>
    <ViewDeliveriesButton />
  </TopToolbar>
);

const EditToolbar = () => (
  <Toolbar>
    <SaveButton data-testid="webhook-save" />
    <Box sx={{ flex: 1 }} />
    <RotateSecretButton />
    <DeleteEndpointButton />
  </Toolbar>
);

/** Saved with the version the page loaded (a stale one is CONFLICT); the secret is rotated, never shown again. */
export const WebhookEndpointEdit = () => (
  <Edit title={<EndpointTitle />} actions={<EditActions />} mutationMode="pessimistic" redirect="list">
    <SimpleForm toolbar={<EditToolbar />}>
      <WebhookEndpointInputs />
    </SimpleForm>
  </Edit>
);
