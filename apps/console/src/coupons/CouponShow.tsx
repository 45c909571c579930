import { Alert, Box, Card, CardContent, Divider, Grid, Link as MuiLink, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Labeled, Show, TopToolbar, useCanAccess, useLocaleState, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { formatDateTime, StatusChip } from '../common';
import { type CouponRecord, redemptionsOf } from './couponApi';
import { formatCode } from './couponCode';
import { CouponCode, useCouponValue, useMoney } from './couponFields';
import { RedemptionDetails } from './RedemptionDetails';
import { ReverseRedemptionButton } from './ReverseRedemptionButton';
import { RevokeCouponButton } from './RevokeCouponButton';

const CouponTitle = () => {
  const record = useRecordContext<CouponRecord>();
  const translate = useTranslate();
  const name = translate('resources.Coupon.name', { smart_count: 1 });
  return <span>{record ? `${name} · ${formatCode(record.code)}` : name}</span>;
};

const Panel = ({ title, children, testId, action }: { title: string; children: ReactNode; testId: string; action?: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid={`panel-${testId}`}>
      <CardContent>
        <Stack direction="row" alignItems="center" justifyContent="space-between" sx={{ mb: 1.5, minHeight: 32 }}>
          <Typography variant="subtitle1" fontWeight={600}>
            {translate(title)}
          </Typography>
          {action}
        </Stack>
        {children}
      </CardContent>
    </Card>
  );
};

const Item = ({ field, children, wide = false }: { field: string; children: ReactNode; wide?: boolean }) => (
  <Grid size={{ xs: 12, sm: wide ? 12 : 6 }}>
    <Labeled label={`resources.Coupon.fields.${field}`}>{children as never}</Labeled>
  </Grid>
);

const Text = ({ children, mono = false }: { children: ReactNode; mono?: boolean }) => (
  <Typography variant="body2" component="span" sx={mono ? { fontFamily: 'monospace', overflowWrap: 'anywhere' } : { overflowWrap: 'anywhere' }}>
    {children}
  </Typography>
);

/**
 * The coupon's redemptions, newest first: the one in force (with the refund button) and earlier ones
 * with their reversals. A clerk sees those made at its stores.
 */
const RedemptionPanel = ({ coupon }: { coupon: CouponRecord }) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const { canAccess: canReverse } = useCanAccess({ resource: 'Coupon', action: 'reverse', record: coupon });
  const redeemed = coupon.status === 'REDEEMED';
  const { data, isPending, error } = useQuery({
    queryKey: ['mop', 'coupon-redemptions', coupon.id, coupon.version],
    queryFn: () => redemptionsOf(coupon.id),
  });
  const active = data?.find((r) => !r.reversedAt) ?? null;
  const action = active && canReverse ? <ReverseRedemptionButton redemption={active} onReversed={refresh} size="small" testId="coupon-reverse" /> : undefined;
  return (
    <Panel title="mop.customer_coupons.sections.redemption" testId="redemption" action={action}>
      {!redeemed && (
        <Typography variant="body2" color="text.secondary" data-testid="coupon-not-redeemed">
          {translate(`mop.customer_coupons.redemption_state.${coupon.status}`)}
        </Typography>
      )}
      {isPending && <Typography variant="body2" color="text.secondary">{translate('ra.page.loading')}</Typography>}
      {error && <Alert severity="warning">{translate('mop.customer_coupons.redemption_unavailable')}</Alert>}
      <Stack spacing={2} divider={<Divider flexItem />} sx={{ mt: redeemed ? 0 : 1 }}>
        {(data ?? []).map((r) => (
          <RedemptionDetails key={r.id} redemption={r} />
        ))}
      </Stack>
      {redeemed && data && !active && (
        <Typography variant="body2" color="text.secondary">
          {translate('mop.customer_coupons.redemption_hidden')}
        </Typography>
      )}
    </Panel>
  );
};

const Details = () => {
  const record = useRecordContext<CouponRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const value = useCouponValue();
  const money = useMoney();
  const { canAccess: canReadStock } = useCanAccess({ resource: 'CouponStock', action: 'show' });
  if (!record) return null;
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale) : translate('mop.common.none'));
  return (
    <Box sx={{ p: 2 }} data-testid="coupon-show">
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Panel title="mop.customer_coupons.sections.coupon" testId="coupon">
            <Stack spacing={1.5}>
              <Box>
                <CouponCode code={record.code} large copy testId="coupon-show-code" />
              </Box>
              <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
                <StatusChip status={record.status} />
                <Typography variant="body1" fontWeight={600}>
                  {value(record)}
                </Typography>
                {record.minSpend > 0 && (
                  <Typography variant="body2" color="text.secondary">
                    {translate('mop.coupons.min_spend_text', { amount: money(record.minSpend, record.currency) })}
                  </Typography>
                )}
              </Stack>
              <Grid container spacing={2}>
                <Item field="customerRef">
                  <Text mono>{record.customerRef}</Text>
                </Item>
                <Item field="stockName">
                  {canReadStock ? (
                    <MuiLink component={Link} to={`/CouponStock/${record.stockId}/show`} variant="body2" data-testid="coupon-stock-link">
                      {record.stockName}
                    </MuiLink>
                  ) : (
                    <Text>{record.stockName}</Text>
                  )}
                </Item>
                <Item field="validFrom">
                  <Text>{when(record.validFrom)}</Text>
                </Item>
                <Item field="validUntil">
                  <Text>{when(record.validUntil)}</Text>
                </Item>
              </Grid>
            </Stack>
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <RedemptionPanel coupon={record} />
        </Grid>
        <Grid size={12}>
          <Panel title="mop.customer_coupons.sections.history" testId="history">
            <Grid container spacing={2}>
              <Item field="claimedAt">
                <Text>{when(record.claimedAt)}</Text>
              </Item>
              <Item field="claimedVia">
                <Text>
                  {translate(`mop.coupons.channels.${record.claimedVia}`, { _: record.claimedVia })}
                  {record.claimedInSandbox ? ` · ${translate('mop.customer_coupons.in_sandbox')}` : ''}
                </Text>
              </Item>
              <Item field="redeemedAt">
                <Text>{when(record.redeemedAt)}</Text>
              </Item>
              <Item field="revokedAt">
                <Text>{when(record.revokedAt)}</Text>
              </Item>
              <Item field="expiredAt">
                <Text>{when(record.expiredAt)}</Text>
              </Item>
              <Item field="claimRequestId">
                <Text mono>{record.claimRequestId}</Text>
              </Item>
            </Grid>
          </Panel>
        </Grid>
      </Grid>
    </Box>
  );
};

const ShowActions = () => (
  <TopToolbar>
    <RevokeCouponButton />
  </TopToolbar>
);

/** One customer's coupon: its code, terms and life so far, its redemption, and revoking it. */
export const CouponShow = () => (
  <Show title={<CouponTitle />} actions={<ShowActions />}>
    <Details />
  </Show>
);
