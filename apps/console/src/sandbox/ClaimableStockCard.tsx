import Redeem from '@mui/icons-material/Redeem';
import { Alert, Box, Button, Card, CardActions, CardContent, Chip, Divider, LinearProgress, Stack, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { RecordContextProvider, useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../common';
import { claimCoupon, type ClaimableStockRecord, type CouponRecord } from '../coupons/couponApi';
import { newRequestId } from '../coupons/couponCode';
import { couponErrorMessage, type CouponErrorMessage } from '../coupons/couponErrors';
import { useCouponValue, useMoney } from '../coupons/couponFields';
import { UsableWhenField, ValidityField } from '../coupons/fields';

/** The sandbox stands in for the merchant's mini-program: claims are made through that channel. */
export const SANDBOX_CHANNEL = 'MINI_PROGRAM';

const Term = ({ label, children }: { label: string; children: ReactNode }) => (
  <Stack direction="row" spacing={1} sx={{ minWidth: 0 }}>
    <Typography variant="caption" color="text.secondary" sx={{ width: 84, flexShrink: 0, pt: '2px' }}>
      {label}
    </Typography>
    <Box sx={{ minWidth: 0, '& .MuiTypography-root': { fontSize: 13 } }}>{children}</Box>
  </Stack>
);

/**
 * One stock as the customer sees it in the mini-program: what it is worth and on which terms, what is
 * left, what the customer holds already, and why a claim would be refused. Each press of Claim is a
 * new claim with a fresh request id (a customer may hold several when the limit allows).
 */
export const ClaimableStockCard = ({
  entry,
  customerRef,
  showMerchant,
  onClaimed,
}: {
  entry: ClaimableStockRecord;
  customerRef: string;
  showMerchant: boolean;
  onClaimed: (coupon: CouponRecord) => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const value = useCouponValue();
  const money = useMoney();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CouponErrorMessage | null>(null);
  const { stock, held, heldToday, refusal } = entry;
  const inChannel = stock.channels.includes(SANDBOX_CHANNEL);
  const limitArgs = {
    limit: refusal === 'DAILY_LIMIT' ? (stock.perCustomerDailyLimit ?? 0) : stock.perCustomerLimit,
    time: formatDateTime(stock.claimStartsAt, locale),
  };
  const left = Math.max(0, stock.remaining);

  const claim = async () => {
    setBusy(true);
    setError(null);
    try {
      const coupon = await claimCoupon({ stockId: stock.id, customerRef, requestId: newRequestId(), channel: SANDBOX_CHANNEL });
      onClaimed(coupon);
    } catch (failure) {
      setError(couponErrorMessage(failure, 'claim', limitArgs));
    } finally {
      setBusy(false);
    }
  };

  const blockedKey = refusal ? `mop.coupon_errors.claim.${refusal}` : !inChannel ? 'mop.sandbox.not_in_mini_program' : null;

  return (
    <Card variant="outlined" sx={{ height: '100%', display: 'flex', flexDirection: 'column' }} data-testid="sandbox-stock" data-stock-id={stock.id} data-stock-name={stock.name}>
      <CardContent sx={{ flex: 1 }}>
        <Stack direction="row" justifyContent="space-between" alignItems="flex-start" spacing={1}>
          <Typography variant="subtitle1" fontWeight={600} sx={{ overflowWrap: 'anywhere' }}>
            {stock.name}
          </Typography>
          {showMerchant && stock.merchantName && <Chip size="small" variant="outlined" label={stock.merchantName} sx={{ maxWidth: 140 }} />}
        </Stack>
        <Typography variant="h5" color="primary" sx={{ mt: 0.5 }} data-testid="sandbox-stock-value">
          {value(stock)}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {stock.minSpend > 0 ? translate('mop.coupons.min_spend_text', { amount: money(stock.minSpend, stock.currency) }) : translate('mop.sandbox.no_min_spend')}
        </Typography>
        {stock.description && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1, display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>
            {stock.description}
          </Typography>
        )}
        <Divider sx={{ my: 1.5 }} />
        <RecordContextProvider value={stock}>
          <Stack spacing={0.75}>
            <Term label={translate('mop.sandbox.terms.valid')}>
              <ValidityField />
            </Term>
            <Term label={translate('mop.sandbox.terms.usable')}>
              <UsableWhenField />
            </Term>
            <Term label={translate('mop.sandbox.terms.stores')}>
              <Typography variant="body2">
                {stock.storeIds.length ? translate('mop.sandbox.some_stores', { smart_count: stock.storeIds.length }) : translate('mop.coupons.all_stores')}
              </Typography>
            </Term>
            <Term label={translate('mop.sandbox.terms.claim_until')}>
              <Typography variant="body2">{formatDateTime(stock.claimEndsAt, locale)}</Typography>
            </Term>
          </Stack>
        </RecordContextProvider>
        <Box sx={{ mt: 1.5 }}>
          <Typography variant="caption" color="text.secondary" data-testid="sandbox-stock-left">
            {translate('mop.sandbox.left', { left: left.toLocaleString(locale), total: stock.totalQuantity.toLocaleString(locale) })}
          </Typography>
          <LinearProgress variant="determinate" value={stock.totalQuantity ? (100 * left) / stock.totalQuantity : 0} sx={{ mt: 0.5, height: 4, borderRadius: 2 }} />
        </Box>
        <Typography variant="body2" sx={{ mt: 1.5 }} data-testid="sandbox-stock-held">
          {translate('mop.sandbox.held', { held, limit: stock.perCustomerLimit })}
          {stock.perCustomerDailyLimit ? ` · ${translate('mop.sandbox.held_today', { held: heldToday, limit: stock.perCustomerDailyLimit })}` : ''}
        </Typography>
        {blockedKey && (
          <Alert severity="info" sx={{ mt: 1.5, py: 0 }} data-testid="sandbox-stock-refusal" data-refusal={refusal ?? 'CHANNEL'}>
            {translate(blockedKey, limitArgs)}
          </Alert>
        )}
        {error && (
          <Alert severity={error.retryable ? 'warning' : 'error'} sx={{ mt: 1.5 }} data-testid="sandbox-claim-error">
            {translate(error.key, error.args)}
          </Alert>
        )}
      </CardContent>
      <CardActions sx={{ px: 2, pb: 2 }}>
        <Button fullWidth variant="contained" startIcon={<Redeem />} disabled={busy || Boolean(blockedKey)} onClick={claim} data-testid="sandbox-claim">
          {translate(busy ? 'mop.sandbox.claiming' : 'mop.sandbox.claim')}
        </Button>
      </CardActions>
    </Card>
  );
};
