import CheckCircleOutline from '@mui/icons-material/CheckCircleOutline';
import DoNotDisturbAlt from '@mui/icons-material/DoNotDisturbAlt';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { useApiAction } from '../common/useApiAction';
import { approveApplication, rejectApplication } from '../onboarding/applicationApi';

interface ApplicationRecord {
  id: string;
  status: string;
  subjectName: string;
}

type Decision = 'approve' | 'reject';

/** Approve (with an optional note) or reject (a reason is required): reviewers, while SUBMITTED. */
export const DecisionButtons = () => {
  const record = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'Application', action: 'decide', record });
  const [open, setOpen] = useState<Decision | null>(null);
  const [text, setText] = useState('');
  const { busy, run } = useApiAction();
  if (!record || !canAccess || record.status !== 'SUBMITTED') return null;

  const decide = async () => {
    if (!open) return;
    await run(
      async () => {
        if (open === 'approve') await approveApplication(record.id, text.trim());
        else await rejectApplication(record.id, text.trim());
      },
      {
        successMessage: open === 'approve' ? 'mop.review.approved' : 'mop.review.rejected',
        onSuccess: () => {
          setOpen(null);
          setText('');
        },
      },
    );
  };

  return (
    <>
      <Button color="success" variant="contained" startIcon={<CheckCircleOutline />} onClick={() => setOpen('approve')} data-testid="application-approve" sx={{ mr: 1 }}>
        {translate('mop.review.approve')}
      </Button>
      <Button color="error" variant="outlined" startIcon={<DoNotDisturbAlt />} onClick={() => setOpen('reject')} data-testid="application-reject">
        {translate('mop.review.reject')}
      </Button>
      <Dialog open={Boolean(open)} onClose={() => setOpen(null)} fullWidth maxWidth="sm">
        <DialogTitle>{translate(open === 'reject' ? 'mop.review.reject_title' : 'mop.review.approve_title', { name: record.subjectName })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate(open === 'reject' ? 'mop.review.reject_text' : 'mop.review.approve_text')}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={3}
            required={open === 'reject'}
            label={translate(open === 'reject' ? 'mop.review.reason' : 'mop.review.note')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'decision-text' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(null)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            color={open === 'reject' ? 'error' : 'success'}
            disabled={busy || (open === 'reject' && text.trim().length === 0)}
            onClick={decide}
            data-testid="decision-confirm"
          >
            {translate(open === 'reject' ? 'mop.review.reject' : 'mop.review.approve')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
