import TaskAlt from '@mui/icons-material/TaskAlt';
import { Alert, Box, Button, Divider, InputAdornment, Stack, TextField, Typography } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { checkCoupon, redeemCoupon, type CouponCheckRecord, type RedemptionResultRecord } from '../coupons/couponApi';
import { CUSTOMER_REF_PATTERN, newRequestId } from '../coupons/couponCode';
import { couponErrorMessage, refusalKey, type CouponErrorMessage } from '../coupons/couponErrors';
import { useMoney } from '../coupons/couponFields';
import { currencyDigits, currencySymbol } from '../coupons/couponStock';
import { parseAmount } from './amount';
import { useRefusalArgs } from './CounterCoupon';

/** How long the amount rests before the discount is worked out again by the server. */
const QUOTE_DELAY_MS = 300;

function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/**
 * The order amount (typed in the coupon's currency, sent in minor units), the discount the server
 * works out for it, and the confirmation. One confirmation is one request id: pressing again for
 * the same input (after a lost answer or a timeout) repeats that request, which the server answers
 * with the first result instead of redeeming twice; changing the input makes a new request.
 */
export const RedeemForm = ({ check, storeId, onRedeemed }: { check: CouponCheckRecord; storeId: string | null; onRedeemed: (result: RedemptionResultRecord) => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const money = useMoney();
  const { coupon } = check;
  const refusalArgs = useRefusalArgs(check);
  const [amountText, setAmountText] = useState('');
  const [orderRef, setOrderRef] = useState('');
  const [attempt, setAttempt] = useState<{ requestId: string; key: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CouponErrorMessage | null>(null);

  const parsed = parseAmount(amountText, coupon.currency);
  const minor = parsed.ok ? parsed.minor : null;
  const settled = useDebounced(minor, QUOTE_DELAY_MS);
  const quote = useQuery({
    queryKey: ['mop', 'counter', 'quote', coupon.code, storeId, settled],
    queryFn: () => checkCoupon({ code: coupon.code, storeId, orderAmount: settled }),
    enabled: settled !== null,
    placeholderData: keepPreviousData,
  });
  const current = quote.data && !quote.isPlaceholderData && settled === minor ? quote.data : null;
  const ref = orderRef.trim();
  const refInvalid = ref !== '' && !CUSTOMER_REF_PATTERN.test(ref);
  const ready = current !== null && current.usable && current.discount !== null && !refInvalid && !busy;

  const confirm = async () => {
    if (!ready || minor === null) return;
    const input = { code: coupon.code, storeId, orderAmount: minor, orderRef: ref || null };
    const key = JSON.stringify(input);
    const requestId = attempt?.key === key ? attempt.requestId : newRequestId();
    setAttempt({ requestId, key });
    setBusy(true);
    setError(null);
    try {
      onRedeemed(await redeemCoupon({ ...input, requestId }));
    } catch (failure) {
      setError(couponErrorMessage(failure, 'counter', refusalArgs));
    } finally {
      setBusy(false);
    }
  };

  const amountError = amountText.trim() !== '' && !parsed.ok ? translate(`mop.counter.amount_errors.${parsed.error}`, { digits: currencyDigits(coupon.currency) }) : null;
  const quoteError = quote.error && !current ? couponErrorMessage(quote.error, 'counter', refusalArgs) : null;
  const sameAsFailed = error?.retryable && attempt?.key === JSON.stringify({ code: coupon.code, storeId, orderAmount: minor, orderRef: ref || null });

  return (
    <Box component="form" noValidate onSubmit={(event) => { event.preventDefault(); void confirm(); }} data-testid="counter-redeem-form">
      <TextField
        label={translate('mop.counter.order_amount', { currency: coupon.currency })}
        value={amountText}
        onChange={(event) => {
          setAmountText(event.target.value);
          setError(null);
        }}
        error={Boolean(amountError)}
        helperText={amountError ?? translate('mop.counter.order_amount_help')}
        fullWidth
        autoFocus
        slotProps={{
          input: { startAdornment: <InputAdornment position="start">{currencySymbol(coupon.currency, locale)}</InputAdornment> },
          htmlInput: { inputMode: 'decimal', autoComplete: 'off', enterKeyHint: 'done', style: { fontSize: 24, fontWeight: 600 }, 'data-testid': 'counter-amount' },
        }}
      />
      <TextField
        label={translate('mop.counter.order_ref')}
        value={orderRef}
        onChange={(event) => setOrderRef(event.target.value)}
        error={refInvalid}
        helperText={refInvalid ? translate('mop.counter.order_ref_invalid') : translate('mop.counter.order_ref_help')}
        fullWidth
        size="small"
        sx={{ mt: 2 }}
        slotProps={{ htmlInput: { maxLength: 128, autoComplete: 'off', autoCapitalize: 'off', spellCheck: false, 'data-testid': 'counter-order-ref' } }}
      />

      {current && current.reasons.length > 0 && (
        <Alert severity="warning" sx={{ mt: 2 }} data-testid="counter-quote-refused">
          {current.reasons.map((reason) => translate(refusalKey(reason), refusalArgs)).join(' ')}
        </Alert>
      )}
      {current?.usable && current.discount !== null && minor !== null && (
        <Box sx={{ mt: 2, p: 2, borderRadius: 2, bgcolor: 'action.hover' }} data-testid="counter-quote" data-discount={current.discount}>
          <Stack direction="row" justifyContent="space-between" alignItems="baseline">
            <Typography variant="body2" color="text.secondary">
              {translate('mop.counter.order_total')}
            </Typography>
            <Typography variant="body1">{money(minor, coupon.currency)}</Typography>
          </Stack>
          <Stack direction="row" justifyContent="space-between" alignItems="baseline" sx={{ mt: 0.5 }}>
            <Typography variant="body2" color="text.secondary">
              {translate(coupon.type === 'EXCHANGE' ? 'mop.counter.exchange_value' : 'mop.counter.discount')}
            </Typography>
            <Typography variant="h6" color="secondary" data-testid="counter-discount">
              − {money(current.discount, coupon.currency)}
            </Typography>
          </Stack>
          {coupon.type === 'EXCHANGE' && coupon.exchangeItem && (
            <Typography variant="body2" sx={{ mt: 0.5 }}>
              {translate('mop.counter.hand_over', { item: coupon.exchangeItem })}
            </Typography>
          )}
          <Divider sx={{ my: 1 }} />
          <Stack direction="row" justifyContent="space-between" alignItems="baseline">
            <Typography variant="body1" fontWeight={600}>
              {translate('mop.counter.to_pay')}
            </Typography>
            <Typography variant="h5" data-testid="counter-to-pay">
              {money(Math.max(0, minor - current.discount), coupon.currency)}
            </Typography>
          </Stack>
        </Box>
      )}
      {quoteError && (
        <Alert severity="warning" sx={{ mt: 2 }} data-testid="counter-quote-error">
          {translate(quoteError.key, quoteError.args)}
        </Alert>
      )}
      {error && (
        <Alert severity={error.retryable ? 'warning' : 'error'} sx={{ mt: 2 }} data-testid="counter-redeem-error">
          {translate(error.key, error.args)}
          {error.retryable && ` ${translate('mop.counter.retry_safe')}`}
        </Alert>
      )}
      <Button
        type="submit"
        fullWidth
        size="large"
        variant="contained"
        color="secondary"
        startIcon={<TaskAlt />}
        disabled={!ready}
        sx={{ mt: 2, py: 1.5, fontSize: 17 }}
        data-testid="counter-confirm"
      >
        {busy
          ? translate('mop.counter.redeeming')
          : sameAsFailed
            ? translate('mop.counter.try_again')
            : current?.usable && current.discount !== null
              ? translate('mop.counter.confirm_amount', { amount: money(current.discount, coupon.currency) })
              : translate('mop.counter.confirm')}
      </Button>
    </Box>
  );
};
