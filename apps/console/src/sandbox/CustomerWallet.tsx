import { Alert, Box, Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime, StatusChip } from '../common';
import type { CouponRecord } from '../coupons/couponApi';
import { CouponCode, useCouponValue, useMoney } from '../coupons/couponFields';

/**
 * A coupon as the customer holds it in the mini-program: the code large enough to read out at the
 * counter (grouped by four; copy takes the raw code), its value, terms and state.
 */
const CouponTicket = ({ coupon, fresh }: { coupon: CouponRecord; fresh: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const value = useCouponValue();
  const money = useMoney();
  const usable = coupon.status === 'AVAILABLE';
  return (
    <Card
      variant="outlined"
      data-testid="sandbox-coupon"
      data-code={coupon.code}
      data-status={coupon.status}
      sx={{
        height: '100%',
        borderLeft: 4,
        borderLeftColor: usable ? 'secondary.main' : 'divider',
        boxShadow: fresh ? (theme) => `0 0 0 2px ${theme.palette.secondary.light}` : undefined,
        opacity: usable ? 1 : 0.75,
      }}
    >
      <CardContent>
        <Stack direction="row" justifyContent="space-between" alignItems="flex-start" spacing={1}>
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="subtitle2" sx={{ overflowWrap: 'anywhere' }}>
              {coupon.stockName}
            </Typography>
            <Typography variant="h6" color={usable ? 'secondary' : 'text.secondary'}>
              {value(coupon)}
            </Typography>
          </Box>
          <StatusChip status={coupon.status} />
        </Stack>
        <Box sx={{ mt: 1.5, p: 1.5, borderRadius: 1, bgcolor: 'action.hover', textAlign: 'center' }}>
          <Typography variant="caption" color="text.secondary" component="div">
            {translate('mop.sandbox.show_code')}
          </Typography>
          <CouponCode code={coupon.code} large copy testId="sandbox-coupon-code" />
        </Box>
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
          {coupon.minSpend > 0 ? `${translate('mop.coupons.min_spend_text', { amount: money(coupon.minSpend, coupon.currency) })} · ` : ''}
          {translate('mop.sandbox.valid_until', { time: formatDateTime(coupon.validUntil, locale) })}
        </Typography>
      </CardContent>
    </Card>
  );
};

export const CustomerWallet = ({ coupons, total, freshId, error }: { coupons: CouponRecord[] | undefined; total: number; freshId: string | null; error: boolean }) => {
  const translate = useTranslate();
  if (error) return <Alert severity="warning">{translate('mop.sandbox.wallet_unavailable')}</Alert>;
  if (!coupons) return null;
  if (coupons.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="sandbox-wallet-empty">
        {translate('mop.sandbox.wallet_empty')}
      </Typography>
    );
  }
  return (
    <>
      <Grid container spacing={2} data-testid="sandbox-wallet">
        {coupons.map((coupon) => (
          <Grid key={coupon.id} size={{ xs: 12, sm: 6, lg: 4 }}>
            <CouponTicket coupon={coupon} fresh={coupon.id === freshId} />
          </Grid>
        ))}
      </Grid>
      {total > coupons.length && (
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
          {translate('mop.sandbox.wallet_more', { shown: coupons.length, total })}
        </Typography>
      )}
    </>
  );
};
