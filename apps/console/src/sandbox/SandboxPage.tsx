import PhoneIphoneOutlined from '@mui/icons-material/PhoneIphoneOutlined';
import Refresh from '@mui/icons-material/Refresh';
import { Alert, Box, Card, CardContent, Grid, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Loading, Title, useCanAccess, useNotify, useTranslate } from 'react-admin';
import { claimableCouponStocks, fetchCoupons, type CouponRecord } from '../coupons/couponApi';
import { formatCode } from '../coupons/couponCode';
import { useActiveWorkspace } from '../workspace';
import { ClaimableStockCard } from './ClaimableStockCard';
import { CustomerPicker } from './CustomerPicker';
import { CustomerWallet } from './CustomerWallet';
import { forgetRecent, loadRecent, rememberRecent } from './recentCustomers';

export const SANDBOX_PATH = '/sandbox';
const WALLET_SIZE = 48;
/** How long after a claim the stock's counters have followed it (the API syncs them within 250 ms). */
const COUNTER_SYNC_MS = 600;

const Section = ({ title, subtitle, action, children, testId }: { title: string; subtitle?: string; action?: ReactNode; children: ReactNode; testId: string }) => (
  <Box sx={{ mt: 3 }} data-testid={testId}>
    <Stack direction="row" alignItems="center" justifyContent="space-between" sx={{ mb: 1.5 }}>
      <Box>
        <Typography variant="h6">{title}</Typography>
        {subtitle && (
          <Typography variant="body2" color="text.secondary">
            {subtitle}
          </Typography>
        )}
      </Box>
      {action}
    </Stack>
    {children}
  </Box>
);

/** What one customer sees: the stocks open to it now, and the coupons it holds. */
const CustomerView = ({ customerRef, showMerchant }: { customerRef: string; showMerchant: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [freshId, setFreshId] = useState<string | null>(null);
  const stocks = useQuery({ queryKey: ['mop', 'sandbox', 'claimable', customerRef], queryFn: () => claimableCouponStocks(customerRef) });
  const wallet = useQuery({
    queryKey: ['mop', 'sandbox', 'wallet', customerRef],
    queryFn: () => fetchCoupons({ customerRef }, { page: 0, perPage: WALLET_SIZE }),
  });
  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: ['mop', 'sandbox'] });
  };
  const claimed = (coupon: CouponRecord) => {
    setFreshId(coupon.id);
    notify('mop.sandbox.claimed', { type: 'success', messageArgs: { name: coupon.stockName, code: formatCode(coupon.code) } });
    reload();
    // The stock's figures (what is left) follow a claim a moment later: read them again then.
    setTimeout(reload, COUNTER_SYNC_MS);
  };

  return (
    <>
      <Section
        title={translate('mop.sandbox.stocks_title')}
        subtitle={translate('mop.sandbox.stocks_subtitle')}
        testId="sandbox-stocks"
        action={
          <Tooltip title={translate('ra.action.refresh')}>
            <IconButton onClick={reload} aria-label={translate('ra.action.refresh')} data-testid="sandbox-refresh">
              <Refresh />
            </IconButton>
          </Tooltip>
        }
      >
        {stocks.isPending && <Loading />}
        {stocks.error && <Alert severity="warning">{translate('mop.sandbox.stocks_unavailable')}</Alert>}
        {stocks.data && stocks.data.length === 0 && (
          <Typography variant="body2" color="text.secondary" data-testid="sandbox-stocks-empty">
            {translate('mop.sandbox.stocks_empty')}
          </Typography>
        )}
        {stocks.data && stocks.data.length > 0 && (
          <Grid container spacing={2}>
            {stocks.data.map((entry) => (
              <Grid key={entry.stock.id} size={{ xs: 12, sm: 6, lg: 4 }}>
                <ClaimableStockCard entry={entry} customerRef={customerRef} showMerchant={showMerchant} onClaimed={claimed} />
              </Grid>
            ))}
          </Grid>
        )}
      </Section>
      <Section title={translate('mop.sandbox.wallet_title', { customer: customerRef })} subtitle={translate('mop.sandbox.wallet_subtitle')} testId="sandbox-wallet-section">
        <CustomerWallet coupons={wallet.data?.coupons} total={wallet.data?.total ?? 0} freshId={freshId} error={Boolean(wallet.error)} />
      </Section>
    </>
  );
};

/**
 * The customer sandbox: a stand-in for the merchant's mini-program. Staff who may hand out coupons
 * pick a customer and claim as that customer would; the coupons are real (marked as claimed in the
 * sandbox) and can be redeemed at the counter.
 */
export const SandboxPage = () => {
  const translate = useTranslate();
  const { workspace, kind } = useActiveWorkspace();
  const { canAccess, isPending } = useCanAccess({ resource: 'Coupon', action: 'claim' });
  const workspaceKey = workspace?.membershipId ?? 'none';
  const [recent, setRecent] = useState<string[]>(() => loadRecent(localStorage, workspaceKey));
  const [customerRef, setCustomerRef] = useState<string | null>(() => recent[0] ?? null);

  const choose = (ref: string) => {
    setCustomerRef(ref);
    setRecent(rememberRecent(localStorage, workspaceKey, ref));
  };
  const forget = (ref: string) => {
    setRecent(forgetRecent(localStorage, workspaceKey, ref));
    if (ref === customerRef) setCustomerRef(null);
  };

  return (
    <Box sx={{ mt: 1, mb: 4 }} data-testid="sandbox-page">
      <Title title={translate('mop.sandbox.title')} />
      {isPending ? (
        <Loading />
      ) : !canAccess ? (
        <Alert severity="info" data-testid="sandbox-not-allowed">
          {translate('mop.sandbox.not_allowed')}
        </Alert>
      ) : (
        <>
          <Card variant="outlined">
            <CardContent>
              <Stack direction="row" spacing={1.5} alignItems="flex-start" sx={{ mb: 2 }}>
                <PhoneIphoneOutlined color="secondary" sx={{ mt: 0.25 }} />
                <Box>
                  <Typography variant="subtitle1" fontWeight={600}>
                    {translate('mop.sandbox.intro_title')}
                  </Typography>
                  <Typography variant="body2" color="text.secondary">
                    {translate('mop.sandbox.intro')}
                  </Typography>
                </Box>
              </Stack>
              <CustomerPicker current={customerRef} recent={recent} onChoose={choose} onForget={forget} />
            </CardContent>
          </Card>
          {customerRef ? (
            <CustomerView key={customerRef} customerRef={customerRef} showMerchant={kind !== 'MERCHANT'} />
          ) : (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 3 }}>
              {translate('mop.sandbox.pick_customer')}
            </Typography>
          )}
        </>
      )}
    </Box>
  );
};
