import ContentCopy from '@mui/icons-material/ContentCopy';
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, InputAdornment, TextField, Tooltip } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';

/** The secret of a new key, shown once with a copy button: the server keeps only its hash. */
export const ApiKeySecretDialog = ({ created, onClose }: { created: { name: string; secret: string } | null; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created?.secret ?? '');
      notify('mop.apikeys.copied', { type: 'info' });
    } catch {
      notify('mop.apikeys.copy_failed', { type: 'warning' });
    }
  };
  return (
    <Dialog open={Boolean(created)} fullWidth maxWidth="sm" data-testid="apikey-created">
      <DialogTitle sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <KeyOutlined color="success" />
        {translate('mop.apikeys.created_title', { name: created?.name ?? '' })}
      </DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="apikey-once">
          {translate('mop.apikeys.secret_once')}
        </Alert>
        <TextField
          label={translate('mop.apikeys.secret')}
          value={created?.secret ?? ''}
          fullWidth
          slotProps={{
            htmlInput: { readOnly: true, 'data-testid': 'apikey-secret', spellCheck: false, style: { fontFamily: 'monospace' }, onFocus: (e: { target: HTMLInputElement }) => e.target.select() },
            input: {
              endAdornment: (
                <InputAdornment position="end">
                  <Tooltip title={translate('mop.apikeys.copy')}>
                    <IconButton onClick={copy} edge="end" data-testid="apikey-copy" aria-label={translate('mop.apikeys.copy')}>
                      <ContentCopy fontSize="small" />
                    </IconButton>
                  </Tooltip>
                </InputAdornment>
              ),
            },
          }}
        />
      </DialogContent>
      <DialogActions>
        <Box sx={{ flex: 1 }} />
        <Button variant="contained" onClick={onClose} data-testid="apikey-done">
          {translate('mop.apikeys.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
