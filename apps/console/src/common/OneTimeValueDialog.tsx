import ContentCopy from '@mui/icons-material/ContentCopy';
import { Alert, type AlertColor, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, InputAdornment, TextField, Tooltip } from '@mui/material';
import type { ReactNode } from 'react';
import { useNotify, useTranslate } from 'react-admin';

/** i18n keys of the dialog's own labels (each feature words them its way). */
export interface OneTimeValueLabels {
  field: string;
  copy: string;
  copied: string;
  copyFailed: string;
  done: string;
}

/**
 * A value the server returns once and never again (an API key's secret, an invitation's link):
 * shown read-only with a copy button until the user closes the dialog.
 */
export const OneTimeValueDialog = ({
  open,
  icon,
  title,
  notice,
  noticeSeverity,
  value,
  helperText,
  monospace = false,
  labels,
  testId,
  closeOnBackdrop = false,
  onDone,
}: {
  open: boolean;
  icon: ReactNode;
  title: string;
  notice: ReactNode;
  noticeSeverity: AlertColor;
  value: string;
  helperText?: string;
  monospace?: boolean;
  labels: OneTimeValueLabels;
  testId: { dialog: string; notice?: string; value: string; copy: string; done: string };
  /** Whether a click outside closes it too (not for secrets, which would be lost unseen). */
  closeOnBackdrop?: boolean;
  onDone: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      notify(labels.copied, { type: 'info' });
    } catch {
      notify(labels.copyFailed, { type: 'warning' });
    }
  };
  return (
    <Dialog open={open} onClose={closeOnBackdrop ? onDone : undefined} fullWidth maxWidth="sm" data-testid={testId.dialog}>
      <DialogTitle sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        {icon}
        {title}
      </DialogTitle>
      <DialogContent>
        <Alert severity={noticeSeverity} sx={{ mb: 2 }} data-testid={testId.notice}>
          {notice}
        </Alert>
        {value && (
          <TextField
            label={translate(labels.field)}
            value={value}
            fullWidth
            helperText={helperText}
            slotProps={{
              htmlInput: {
                readOnly: true,
                'data-testid': testId.value,
                spellCheck: false,
                style: monospace ? { fontFamily: 'monospace' } : undefined,
                onFocus: (e: { target: HTMLInputElement }) => e.target.select(),
              },
              input: {
                endAdornment: (
                  <InputAdornment position="end">
                    <Tooltip title={translate(labels.copy)}>
                      <IconButton onClick={copy} edge="end" data-testid={testId.copy} aria-label={translate(labels.copy)}>
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
        <Button variant="contained" onClick={onDone} data-testid={testId.done}>
          {translate(labels.done)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
