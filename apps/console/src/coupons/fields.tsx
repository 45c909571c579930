import { Box, LinearProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { ChipField, ReferenceArrayField, SingleFieldList, useLocaleState, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { formatDateTime } from '../common/LocaleDateField';
import { couponValue, formatMoney, toHhmm, type CouponStockRecord } from './couponStock';

const Text = ({ children }: { children: ReactNode }) => (
  <Typography variant="body2" component="span">
    {children}
  </Typography>
);

/** "¥5.00 off", "20 % off (max ¥10.00)", "Free: Latte". */
export const CouponValueField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<CouponStockRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  const { key, args } = couponValue(record, locale);
  return (
    <Box data-testid="coupon-value">
      <Typography variant="body2" fontWeight={600}>
        {translate(key, args)}
      </Typography>
      {record.minSpend > 0 && (
        <Typography variant="caption" color="text.secondary">
          {translate('mop.coupons.min_spend_text', { amount: formatMoney(record.minSpend, record.currency, locale) })}
        </Typography>
      )}
    </Box>
  );
};

const Bar = ({ value, max, text, testId, color }: { value: number; max: number; text: string; testId: string; color: 'primary' | 'secondary' | 'warning' }) => {
  const percent = max > 0 ? Math.min(100, Math.max(0, (100 * value) / max)) : 0;
  return (
    <Box sx={{ minWidth: 140 }} data-testid={testId} data-value={value} data-max={max} data-percent={Math.round(percent)}>
      <Typography variant="body2">{text}</Typography>
      <LinearProgress variant="determinate" value={percent} color={color} sx={{ mt: 0.5, height: 6, borderRadius: 3 }} />
    </Box>
  );
};

/** Coupons left to claim out of the total: a full bar is an untouched stock. */
export const RemainingField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<CouponStockRecord>();
  if (!record) return null;
  return (
    <Bar
      value={record.remaining}
      max={record.totalQuantity}
      text={`${record.remaining.toLocaleString()} / ${record.totalQuantity.toLocaleString()}`}
      testId="remaining-bar"
      color={record.totalQuantity > 0 && record.remaining / record.totalQuantity < 0.1 ? 'warning' : 'primary'}
    />
  );
};

/** Face value handed out against the amount budget, when the stock has one. */
export const BudgetField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<CouponStockRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  if (!record.budgetAmount) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="budget-bar-none">
        {translate('mop.coupons.no_budget')}
      </Typography>
    );
  }
  const money = (minor: number) => formatMoney(minor, record.currency, locale);
  return (
    <Bar
      value={record.claimedAmount}
      max={record.budgetAmount}
      text={`${money(record.claimedAmount)} / ${money(record.budgetAmount)}`}
      testId="budget-bar"
      color={record.claimedAmount / record.budgetAmount > 0.9 ? 'warning' : 'secondary'}
    />
  );
};

export const ClaimWindowField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<CouponStockRecord>();
  const [locale] = useLocaleState();
  if (!record) return null;
  return (
    <Typography variant="body2" component="span" sx={{ whiteSpace: 'nowrap' }}>
      {formatDateTime(record.claimStartsAt, locale)} – {formatDateTime(record.claimEndsAt, locale)}
    </Typography>
  );
};

/** "Fixed: from – until" or "30 days after claiming". */
export const ValidityField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<CouponStockRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  if (record.validityKind === 'RELATIVE') {
    return <Text>{translate('mop.coupons.valid_days_text', { smart_count: record.validDays ?? 0 })}</Text>;
  }
  return (
    <Text>
      {record.validFrom ? formatDateTime(record.validFrom, locale) : '—'} – {record.validUntil ? formatDateTime(record.validUntil, locale) : '—'}
    </Text>
  );
};

/** Weekdays and hours when a coupon can be used. */
export const UsableWhenField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<CouponStockRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const days = record.usableWeekdays?.length
    ? [...record.usableWeekdays].sort((a, b) => a - b).map((d) => translate(`mop.coupons.weekdays_short.${d}`)).join(' · ')
    : translate('mop.coupons.every_day');
  const hours =
    record.usableFromMinute !== null && record.usableFromMinute !== undefined && record.usableToMinute !== null && record.usableToMinute !== undefined
      ? `${toHhmm(record.usableFromMinute)}–${toHhmm(record.usableToMinute)}`
      : translate('mop.coupons.all_day');
  return <Text>{translate('mop.coupons.usable_when', { days, hours })}</Text>;
};

/** Money in the stock's currency, or a dash. */
export const MoneyField = ({ source }: { source: keyof CouponStockRecord; label?: string }) => {
  const record = useRecordContext<CouponStockRecord>();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const value = record?.[source];
  if (!record || value === null || value === undefined) return <Text>{translate('mop.common.none')}</Text>;
  return <Text>{formatMoney(Number(value), record.currency, locale)}</Text>;
};

/** The stores a stock is restricted to, or "All stores". */
export const StoresField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<CouponStockRecord>();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.storeIds?.length) return <Text>{translate('mop.coupons.all_stores')}</Text>;
  return (
    <ReferenceArrayField source="storeIds" reference="Store">
      <SingleFieldList linkType={false}>
        <ChipField source="name" size="small" />
      </SingleFieldList>
    </ReferenceArrayField>
  );
};
