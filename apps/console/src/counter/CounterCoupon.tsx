import CheckCircle from '@mui/icons-material/CheckCircle';
import ErrorOutline from '@mui/icons-material/ErrorOutline';
import { Box, List, ListItem, ListItemIcon, ListItemText, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime, StatusChip } from '../common';
import type { CouponCheckRecord } from '../coupons/couponApi';
import { refusalKey } from '../coupons/couponErrors';
import { CouponCode, useCouponValue, useMoney } from '../coupons/couponFields';
import { toHhmm } from '../coupons/couponStock';

/** What a refusal's message interpolates, from the coupon itself (days and hours as the stock sets them). */
export function useRefusalArgs(check: CouponCheckRecord) {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const money = useMoney();
  const { coupon } = check;
  const days = [...coupon.usableWeekdays].sort((a, b) => a - b).map((d) => translate(`mop.coupons.weekdays_short.${d}`));
  const allDay = coupon.usableFromMinute == null || coupon.usableToMinute == null;
  return {
    minSpend: money(coupon.minSpend, coupon.currency),
    validFrom: formatDateTime(coupon.validFrom, locale),
    validUntil: formatDateTime(coupon.validUntil, locale),
    days: days.length ? days.join(' · ') : translate('mop.coupons.every_day'),
    hours: allDay ? translate('mop.coupons.all_day') : `${toHhmm(coupon.usableFromMinute)}–${toHhmm(coupon.usableToMinute)}`,
  };
}

/** The coupon as looked up: its code, value and state, and whether it can be used here and now. */
export const CounterCoupon = ({ check, showUsable }: { check: CouponCheckRecord; showUsable: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const value = useCouponValue();
  const money = useMoney();
  const args = useRefusalArgs(check);
  const { coupon } = check;
  return (
    <Box data-testid="counter-coupon" data-usable={check.usable} data-status={coupon.status}>
      <Stack direction="row" justifyContent="space-between" alignItems="flex-start" spacing={1}>
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="body2" color="text.secondary" fontWeight={600} sx={{ overflowWrap: 'anywhere' }}>
            {coupon.stockName}
          </Typography>
          <Typography variant="h5" data-testid="counter-coupon-value">
            {value(coupon)}
          </Typography>
        </Box>
        <StatusChip status={coupon.status} />
      </Stack>
      <Box sx={{ mt: 0.5 }}>
        <CouponCode code={coupon.code} large testId="counter-coupon-code" />
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        {coupon.minSpend > 0 ? `${translate('mop.coupons.min_spend_text', { amount: money(coupon.minSpend, coupon.currency) })} · ` : ''}
        {translate('mop.counter.valid_until', { time: formatDateTime(coupon.validUntil, locale) })}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
        {translate('mop.counter.customer', { customer: coupon.customerRef })}
      </Typography>
      {check.reasons.length > 0 ? (
        <List dense disablePadding sx={{ mt: 1.5 }} data-testid="counter-reasons">
          {check.reasons.map((reason) => (
            <ListItem key={reason} disableGutters sx={{ alignItems: 'flex-start' }} data-reason={reason}>
              <ListItemIcon sx={{ minWidth: 32, mt: 0.5 }}>
                <ErrorOutline color="error" fontSize="small" />
              </ListItemIcon>
              <ListItemText primary={translate(refusalKey(reason), args)} slotProps={{ primary: { variant: 'body2' } }} />
            </ListItem>
          ))}
        </List>
      ) : (
        showUsable && (
          <Stack direction="row" spacing={1} alignItems="center" sx={{ mt: 1.5, color: 'success.main' }} data-testid="counter-usable">
            <CheckCircle fontSize="small" />
            <Typography variant="body2" fontWeight={600}>
              {translate('mop.counter.usable')}
            </Typography>
          </Stack>
        )
      )}
    </Box>
  );
};
