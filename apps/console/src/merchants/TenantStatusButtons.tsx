import PauseCircleOutline from '@mui/icons-material/PauseCircleOutline';
import PlayCircleOutline from '@mui/icons-material/PlayCircleOutline';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import { useApiAction } from '../common/useApiAction';
import { graphqlRequest } from '../graphql';

const MUTATIONS: Record<string, { suspend: string; reactivate: string; name: string }> = {
  Merchant: { suspend: 'suspendMerchant', reactivate: 'reactivateMerchant', name: 'displayName' },
  ServiceProvider: { suspend: 'suspendServiceProvider', reactivate: 'reactivateServiceProvider', name: 'name' },
};

/** Suspend (with a reason) or reactivate a merchant or provider: platform admins only. */
export const TenantStatusButtons = () => {
  const resource = useResourceContext() ?? '';
  const record = useRecordContext<{ id: string; status: string } & Record<string, unknown>>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource, action: 'suspend', record });
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, run: runAction } = useApiAction();
  const mutations = MUTATIONS[resource];
  if (!record || !canAccess || !mutations) return null;
  const name = String(record[mutations.name] ?? '');

  const run = async (suspend: boolean) => {
    await runAction(
      async () => {
        if (suspend) {
          await graphqlRequest(`mutation Suspend($id: ID!, $reason: String!) { ${mutations.suspend}(id: $id, reason: $reason) { id status } }`, {
            id: record.id,
            reason: reason.trim(),
          });
        } else {
          await graphqlRequest(`mutation Reactivate($id: ID!) { ${mutations.reactivate}(id: $id) { id status } }`, { id: record.id });
        }
      },
      {
        successMessage: suspend ? 'mop.tenants.suspended' : 'mop.tenants.reactivated',
        messageArgs: { name },
        onSuccess: () => {
          setOpen(false);
          setReason('');
        },
      },
    );
  };

  if (record.status === 'SUSPENDED') {
    return (
      <Button color="success" startIcon={<PlayCircleOutline />} disabled={busy} onClick={() => run(false)} data-testid="tenant-reactivate">
        {translate('mop.tenants.reactivate')}
      </Button>
    );
  }
  if (record.status !== 'ACTIVE') return null;
  return (
    <>
      <Button color="warning" startIcon={<PauseCircleOutline />} onClick={() => setOpen(true)} data-testid="tenant-suspend">
        {translate('mop.tenants.suspend')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('mop.tenants.suspend_title', { name })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('mop.tenants.suspend_text')}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            required
            multiline
            minRows={2}
            label={translate('mop.tenants.suspend_reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'tenant-suspend-reason' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button color="warning" variant="contained" disabled={busy || !reason.trim()} onClick={() => run(true)} data-testid="tenant-suspend-confirm">
            {translate('mop.tenants.suspend')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
