import Block from '@mui/icons-material/Block';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { revokeCoupon, type CouponRecord } from './couponApi';
import { formatCode } from './couponCode';
import { couponErrorMessage, type CouponErrorMessage } from './couponErrors';

const MAX_REASON = 200;

/** Whether a coupon can still be revoked: unused and still valid (the server's rule). */
export const isRevocable = (coupon: Pick<CouponRecord, 'status' | 'validUntil'>, now = Date.now()) =>
  coupon.status === 'AVAILABLE' && new Date(coupon.validUntil).getTime() > now;

/** Revokes an unused coupon (issued by mistake, abused), with a reason for the audit, after confirming. */
export const RevokeCouponButton = () => {
  const record = useRecordContext<CouponRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'Coupon', action: 'revoke', record });
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CouponErrorMessage | null>(null);
  if (!record || !canAccess || !isRevocable(record)) return null;

  const revoke = async () => {
    setBusy(true);
    setError(null);
    try {
      await revokeCoupon(record.id, reason.trim() || null);
      notify('mop.customer_coupons.revoked', { type: 'success', messageArgs: { code: formatCode(record.code) } });
      setOpen(false);
      setReason('');
      refresh();
    } catch (failure) {
      setError(couponErrorMessage(failure, 'revoke'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" color="error" startIcon={<Block />} onClick={() => setOpen(true)} data-testid="coupon-revoke">
        {translate('mop.customer_coupons.revoke')}
      </Button>
      <Dialog open={open} onClose={busy ? undefined : () => setOpen(false)} fullWidth maxWidth="xs" data-testid="revoke-dialog">
        {/* Non-breaking hyphens: the code stays on one line. */}
        <DialogTitle>{translate('mop.customer_coupons.revoke_title', { code: formatCode(record.code).replace(/-/g, '\u2011') })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('mop.customer_coupons.revoke_text', { customer: record.customerRef })}</DialogContentText>
          <TextField
            label={translate('mop.customer_coupons.revoke_reason')}
            helperText={translate('mop.customer_coupons.revoke_reason_help')}
            value={reason}
            onChange={(event) => setReason(event.target.value.slice(0, MAX_REASON))}
            fullWidth
            size="small"
            multiline
            minRows={2}
            slotProps={{ htmlInput: { maxLength: MAX_REASON, 'data-testid': 'revoke-reason' } }}
          />
          {error && (
            <Alert severity="error" sx={{ mt: 2 }} data-testid="revoke-error">
              {translate(error.key, error.args)}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button variant="contained" color="error" onClick={revoke} disabled={busy} data-testid="revoke-confirm">
            {translate('mop.customer_coupons.revoke')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
