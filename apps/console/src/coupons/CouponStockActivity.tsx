import { Alert, Box, Card, CardContent, LinearProgress, Stack, Typography, useTheme } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useLocaleState, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { couponStockActivity } from './couponApi';
import type { CouponStockRecord } from './couponStock';

const DAYS = 30;
const SERIES = ['claimed', 'redeemed', 'reversed'] as const;

/** The share of claimed coupons that have been redeemed: "1 of 4 · 25 %", with a bar. */
export const RedemptionRateField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<CouponStockRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  const rate = record.claimedCount > 0 ? record.redeemedCount / record.claimedCount : 0;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
  return (
    <Box sx={{ minWidth: 140 }} data-testid="redemption-rate" data-redeemed={record.redeemedCount} data-claimed={record.claimedCount}>
      <Typography variant="body2">
        {record.claimedCount > 0
          ? translate('mop.customer_coupons.rate_text', { redeemed: record.redeemedCount.toLocaleString(locale), claimed: record.claimedCount.toLocaleString(locale), percent })
          : translate('mop.customer_coupons.rate_none')}
      </Typography>
      <LinearProgress variant="determinate" value={Math.min(100, rate * 100)} color="success" sx={{ mt: 0.5, height: 6, borderRadius: 3 }} />
    </Box>
  );
};

/**
 * Claims, redemptions and reversals per day of the merchant's time zone over the last 30 days, with
 * their totals. Read from the coupons and redemptions themselves, so it is current even where the
 * stock's own counters follow a moment later.
 */
export const CouponStockActivity = () => {
  const record = useRecordContext<CouponStockRecord>();
  const translate = useTranslate();
  const theme = useTheme();
  const [locale] = useLocaleState();
  const { data, error } = useQuery({
    queryKey: ['mop', 'coupon-stock-activity', record?.id, DAYS],
    queryFn: () => couponStockActivity(record?.id as string, DAYS),
    enabled: Boolean(record?.id),
  });
  const dayLabel = useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric', timeZone: 'UTC' });
    return (day: string) => format.format(new Date(`${day}T00:00:00Z`));
  }, [locale]);
  // A label every fifth day, counted back from today (which is always labelled).
  const ticks = useMemo(() => (data ?? []).filter((_, i, all) => (all.length - 1 - i) % 5 === 0).map((d) => d.day), [data]);
  const totals = useMemo(() => {
    const sum = { claimed: 0, redeemed: 0, reversed: 0 };
    for (const day of data ?? []) for (const s of SERIES) sum[s] += day[s];
    return sum;
  }, [data]);
  if (!record) return null;
  const colors = { claimed: theme.palette.primary.main, redeemed: theme.palette.secondary.main, reversed: theme.palette.warning.main };
  const name = (series: string) => translate(`mop.customer_coupons.activity.${series}`);
  // The value axis is as wide as its longest label (a busy day's count has four or five digits).
  const highest = Math.max(0, ...(data ?? []).map((d) => Math.max(d.claimed, d.redeemed, d.reversed)));
  const axisWidth = 14 + 7 * Math.max(1, highest.toLocaleString(locale).length);

  return (
    <Card variant="outlined" data-testid="panel-activity">
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} justifyContent="space-between" alignItems={{ xs: 'flex-start', sm: 'center' }} spacing={1} sx={{ mb: 2 }}>
          <Box>
            <Typography variant="subtitle1" fontWeight={600}>
              {translate('mop.customer_coupons.activity.title', { days: DAYS })}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {translate('mop.customer_coupons.activity.subtitle')}
            </Typography>
          </Box>
          <Stack direction="row" spacing={3} data-testid="activity-totals">
            {SERIES.map((s) => (
              <Box key={s} sx={{ textAlign: { xs: 'left', sm: 'right' } }}>
                <Typography variant="h6" sx={{ color: colors[s], lineHeight: 1.2 }} data-testid={`activity-total-${s}`} data-value={data ? totals[s] : ''}>
                  {data ? totals[s].toLocaleString(locale) : '–'}
                </Typography>
                <Typography variant="caption" color="text.secondary" noWrap>
                  {name(s)}
                </Typography>
              </Box>
            ))}
          </Stack>
        </Stack>
        {error ? (
          <Alert severity="warning">{translate('mop.customer_coupons.activity.unavailable')}</Alert>
        ) : (
          <Box sx={{ width: '100%', height: 240 }} data-testid="activity-chart">
            {data && (
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} barCategoryGap="20%">
                  <CartesianGrid vertical={false} stroke={theme.palette.divider} />
                  <XAxis dataKey="day" ticks={ticks} tickFormatter={dayLabel} tick={{ fontSize: 11, fill: theme.palette.text.secondary }} interval={0} />
                  <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: theme.palette.text.secondary }} tickFormatter={(v: number) => v.toLocaleString(locale)} width={axisWidth} />
                  <Tooltip labelFormatter={(day) => dayLabel(String(day))} formatter={(value, series) => [Number(value).toLocaleString(locale), name(String(series))]} />
                  <Legend formatter={(series) => name(String(series))} wrapperStyle={{ fontSize: 12 }} />
                  {SERIES.map((s) => (
                    <Bar key={s} dataKey={s} fill={colors[s]} radius={[3, 3, 0, 0]} maxBarSize={18} isAnimationActive={false} />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            )}
          </Box>
        )}
      </CardContent>
    </Card>
  );
};
