import ContentCopy from '@mui/icons-material/ContentCopy';
import MarkEmailReadOutlined from '@mui/icons-material/MarkEmailReadOutlined';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, InputAdornment, TextField as MuiTextField, Tooltip } from '@mui/material';
import { useState } from 'react';
import { Create, email, required, SimpleForm, TextInput, useNotify, useRedirect, useTranslate } from 'react-admin';
import { RoleAndStoresInputs } from '../members/RoleAndStoresInputs';

interface CreatedInvitation {
  id: string;
  email: string;
  acceptUrl: string | null;
}

/** The accept link is returned once: shown here with a copy button, never again. */
export const AcceptLinkDialog = ({ invitation, onClose }: { invitation: CreatedInvitation | null; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  // The API answers with a path on the console's origin: show the whole address, ready to send.
  const url = invitation?.acceptUrl ? new URL(invitation.acceptUrl, window.location.href).href : '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      notify('mop.staff.copied', { type: 'info' });
    } catch {
      notify('mop.staff.copy_failed', { type: 'warning' });
    }
  };
  return (
    <Dialog open={Boolean(invitation)} onClose={onClose} fullWidth maxWidth="sm" data-testid="invitation-created">
      <DialogTitle sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <MarkEmailReadOutlined color="success" />
        {translate('mop.staff.invited_title')}
      </DialogTitle>
      <DialogContent>
        <Alert severity="success" sx={{ mb: 2 }}>
          {translate('mop.staff.invited_text', { email: invitation?.email ?? '' })}
        </Alert>
        {url && (
          <MuiTextField
            label={translate('mop.staff.accept_link')}
            value={url}
            fullWidth
            helperText={translate('mop.staff.accept_link_once')}
            slotProps={{
              htmlInput: { readOnly: true, 'data-testid': 'invitation-accept-url', onFocus: (e: { target: HTMLInputElement }) => e.target.select() },
              input: {
                endAdornment: (
                  <InputAdornment position="end">
                    <Tooltip title={translate('mop.staff.copy')}>
                      <IconButton onClick={copy} edge="end" data-testid="invitation-copy" aria-label={translate('mop.staff.copy')}>
                        <ContentCopy fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  </InputAdornment>
                ),
              },
            }}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Box sx={{ flex: 1 }} />
        <Button variant="contained" onClick={onClose} data-testid="invitation-done">
          {translate('mop.staff.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

export const InvitationCreate = () => {
  const redirect = useRedirect();
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  return (
    <>
      <Create
        title="mop.staff.invite_title"
        mutationOptions={{ onSuccess: (data: CreatedInvitation) => setCreated(data) }}
      >
        <SimpleForm defaultValues={{ storeIds: [] }}>
          <TextInput source="email" type="email" validate={[required(), email()]} sx={{ minWidth: 320 }} />
          <RoleAndStoresInputs />
        </SimpleForm>
      </Create>
      <AcceptLinkDialog
        invitation={created}
        onClose={() => {
          setCreated(null);
          redirect('list', 'Invitation');
        }}
      />
    </>
  );
};
