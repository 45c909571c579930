import Undo from '@mui/icons-material/Undo';
import { Alert, Button, type ButtonProps, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { reverseRedemption, type RedemptionRecord } from './couponApi';
import { newRequestId } from './couponCode';
import { couponErrorMessage, type CouponErrorMessage } from './couponErrors';
import { useMoney } from './couponFields';

const MAX_REASON = 200;

/**
 * Gives a redeemed coupon back because its order was refunded. The request id is made on the first
 * confirmation and kept while the reason stays the same, so pressing again after a lost answer
 * repeats that request (the server returns its first result) instead of making a second one.
 */
const ReverseRedemptionDialog = ({
  open,
  redemption,
  onClose,
  onReversed,
}: {
  open: boolean;
  redemption: Pick<RedemptionRecord, 'id' | 'code' | 'discountAmount' | 'currency'>;
  onClose: () => void;
  onReversed: (reversed: RedemptionRecord) => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const money = useMoney();
  const [reason, setReason] = useState('');
  const [attempt, setAttempt] = useState<{ requestId: string; reason: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CouponErrorMessage | null>(null);

  const confirm = async () => {
    const why = reason.trim() || null;
    const current = attempt && attempt.reason === why ? attempt : { requestId: newRequestId(), reason: why };
    setAttempt(current);
    setBusy(true);
    setError(null);
    try {
      const reversed = await reverseRedemption({ redemptionId: redemption.id, requestId: current.requestId, reason: current.reason });
      notify('mop.counter.reversed_notice', { type: 'success', messageArgs: { amount: money(redemption.discountAmount, redemption.currency) } });
      setAttempt(null);
      setReason('');
      onReversed(reversed);
    } catch (failure) {
      setError(couponErrorMessage(failure, 'reverse'));
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    setError(null);
    onClose();
  };

  return (
    <Dialog open={open} onClose={busy ? undefined : close} fullWidth maxWidth="xs" data-testid="reverse-dialog">
      <DialogTitle>{translate('mop.counter.reverse_title')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {translate('mop.counter.reverse_text', { amount: money(redemption.discountAmount, redemption.currency) })}
        </DialogContentText>
        <TextField
          label={translate('mop.counter.reverse_reason')}
          helperText={translate('mop.counter.reverse_reason_help')}
          value={reason}
          onChange={(event) => setReason(event.target.value.slice(0, MAX_REASON))}
          fullWidth
          size="small"
          slotProps={{ htmlInput: { maxLength: MAX_REASON, 'data-testid': 'reverse-reason' } }}
        />
        {error && (
          <Alert severity={error.retryable ? 'warning' : 'error'} sx={{ mt: 2 }} data-testid="reverse-error">
            {translate(error.key, error.args)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" color="warning" startIcon={<Undo />} onClick={confirm} disabled={busy} data-testid="reverse-confirm">
          {translate(error?.retryable ? 'mop.counter.try_again' : 'mop.counter.reverse')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** The "Reverse (refund)" button and its dialog, for whoever may reverse a redemption. */
export const ReverseRedemptionButton = ({
  redemption,
  onReversed,
  testId,
  ...buttonProps
}: {
  redemption: Pick<RedemptionRecord, 'id' | 'code' | 'discountAmount' | 'currency'>;
  onReversed: (reversed: RedemptionRecord) => void;
  testId: string;
} & Pick<ButtonProps, 'fullWidth' | 'size' | 'variant' | 'sx'>) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button color="warning" startIcon={<Undo />} onClick={() => setOpen(true)} data-testid={testId} {...buttonProps}>
        {translate('mop.counter.reverse')}
      </Button>
      <ReverseRedemptionDialog
        open={open}
        redemption={redemption}
        onClose={() => setOpen(false)}
        onReversed={(reversed) => {
          setOpen(false);
          onReversed(reversed);
        }}
      />
    </>
  );
};
