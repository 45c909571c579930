import BlockOutlined from '@mui/icons-material/BlockOutlined';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutline';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { useApiAction } from '../common/useApiAction';
import { graphqlRequest } from '../graphql';

interface UserRecord {
  id: string;
  displayName: string;
  status: 'ACTIVE' | 'DISABLED';
}

/** Disable (with a reason) or enable a user: platform admins only, hidden when canAccess denies. */
export const UserStatusButtons = () => {
  const record = useRecordContext<UserRecord>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'User', action: 'disable', record });
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, run: runAction } = useApiAction();
  if (!record || !canAccess) return null;

  const run = async (query: string, variables: Record<string, unknown>, done: string) => {
    await runAction(() => graphqlRequest(query, variables), {
      successMessage: done,
      onSuccess: () => {
        setOpen(false);
        setReason('');
      },
    });
  };

  if (record.status === 'DISABLED') {
    return (
      <Button
        startIcon={<CheckCircleOutline />}
        color="success"
        disabled={busy}
        data-testid="user-enable"
        onClick={() => run('mutation EnableUser($id: ID!) { enableUser(id: $id) { id status } }', { id: record.id }, 'mop.users.enabled')}
      >
        {translate('mop.users.enable')}
      </Button>
    );
  }
  return (
    <>
      <Button startIcon={<BlockOutlined />} color="error" onClick={() => setOpen(true)} data-testid="user-disable">
        {translate('mop.users.disable')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('mop.users.disable_title', { name: record.displayName })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('mop.users.disable_text')}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            required
            multiline
            minRows={2}
            label={translate('mop.users.disable_reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            inputProps={{ 'data-testid': 'user-disable-reason' }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button
            color="error"
            variant="contained"
            disabled={busy || reason.trim().length === 0}
            data-testid="user-disable-confirm"
            onClick={() =>
              run(
                'mutation DisableUser($id: ID!, $reason: String!) { disableUser(id: $id, reason: $reason) { id status } }',
                { id: record.id, reason: reason.trim() },
                'mop.users.disabled',
              )
            }
          >
            {translate('mop.users.disable')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
