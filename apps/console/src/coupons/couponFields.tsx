import ContentCopy from '@mui/icons-material/ContentCopy';
import { Box, IconButton, Tooltip, Typography, type TypographyProps } from '@mui/material';
import { useCallback } from 'react';
import { useLocaleState, useNotify, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { CouponRecord } from './couponApi';
import { formatCode } from './couponCode';
import { couponValue, formatMoney } from './couponStock';

/** Money in minor units, in the console's language: `money(500, 'CNY')` → "¥5.00". */
export function useMoney() {
  const [locale] = useLocaleState();
  return useCallback((minor: number, currency: string) => formatMoney(minor, currency, locale), [locale]);
}

/** "¥5.00 off", "20 % off (max ¥10.00)", "Free: Latte": what a coupon (or a stock) is worth. */
export function useCouponValue() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return useCallback(
    (terms: Parameters<typeof couponValue>[0]) => {
      const { key, args } = couponValue(terms, locale);
      return translate(key, args);
    },
    [translate, locale],
  );
}

/**
 * Copies the raw code (what the API and the merchant's systems know), not its grouped form.
 * The clipboard needs a secure context: elsewhere the code is selectable by hand, and the user is told.
 */
export const CopyCodeButton = ({ code, testId = 'copy-code' }: { code: string; testId?: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      notify('mop.customer_coupons.copied', { type: 'info', messageArgs: { code: formatCode(code) } });
    } catch {
      notify('mop.customer_coupons.copy_failed', { type: 'warning' });
    }
  };
  return (
    <Tooltip title={translate('mop.customer_coupons.copy')}>
      <IconButton size="small" onClick={copy} aria-label={translate('mop.customer_coupons.copy')} data-testid={testId}>
        <ContentCopy fontSize="small" />
      </IconButton>
    </Tooltip>
  );
};

const LARGE = { fontSize: { xs: 20, sm: 22 }, lineHeight: 1.4 };

/**
 * A code in groups of four, monospace and selectable as a whole; `data-code` holds the raw code.
 * `large` is the size a customer shows and a clerk reads: a generated code stays on one line in a card.
 */
export const CouponCode = ({
  code,
  variant = 'body2',
  large = false,
  copy = false,
  testId = 'coupon-code',
}: {
  code: string;
  variant?: TypographyProps['variant'];
  large?: boolean;
  copy?: boolean;
  testId?: string;
}) => (
  <Box sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, maxWidth: '100%' }}>
    <Typography
      component="span"
      variant={variant}
      data-testid={testId}
      data-code={code}
      sx={{
        fontFamily: '"JetBrains Mono", "SFMono-Regular", Menlo, Consolas, monospace',
        fontWeight: 600,
        letterSpacing: '0.04em',
        userSelect: 'all',
        overflowWrap: 'anywhere',
        ...(large ? LARGE : {}),
      }}
    >
      {formatCode(code)}
    </Typography>
    {copy && <CopyCodeButton code={code} testId={`${testId}-copy`} />}
  </Box>
);

/** The code of the coupon in the record context, on one line (list columns). */
export const CouponCodeField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<CouponRecord>();
  if (!record) return null;
  return (
    <Box sx={{ whiteSpace: 'nowrap', '& [data-code]': { overflowWrap: 'normal' } }}>
      <CouponCode code={record.code} />
    </Box>
  );
};

/** What the coupon in the record context is worth, with its minimum spend. */
export const CouponWorthField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<CouponRecord>();
  const translate = useTranslate();
  const value = useCouponValue();
  const money = useMoney();
  if (!record) return null;
  return (
    <Box data-testid="coupon-worth">
      <Typography variant="body2" fontWeight={600}>
        {value(record)}
      </Typography>
      {record.minSpend > 0 && (
        <Typography variant="caption" color="text.secondary">
          {translate('mop.coupons.min_spend_text', { amount: money(record.minSpend, record.currency) })}
        </Typography>
      )}
    </Box>
  );
};
