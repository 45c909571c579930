import Search from '@mui/icons-material/Search';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Divider, Stack, TextField, Typography } from '@mui/material';
import { useCallback, useState, type FormEvent } from 'react';
import { Loading, Title, useCanAccess, useTranslate } from 'react-admin';
import { toApiError } from '../errors';
import { checkCoupon, type CouponCheckRecord, type RedemptionResultRecord } from '../coupons/couponApi';
import { codeCandidates } from '../coupons/couponCode';
import { couponErrorMessage, type CouponErrorMessage } from '../coupons/couponErrors';
import { RedemptionDetails } from '../coupons/RedemptionDetails';
import { ReverseRedemptionButton } from '../coupons/ReverseRedemptionButton';
import { useActiveWorkspace } from '../workspace';
import { CounterCoupon } from './CounterCoupon';
import { RedeemForm } from './RedeemForm';
import { RedeemResult } from './RedeemResult';
import { loadStoreChoice, NO_STORE, saveStoreChoice, StorePicker } from './StorePicker';

export const COUNTER_PATH = '/counter';

/**
 * The coupon a typed or pasted value stands for: each form it may take (grouped, lowercase, an
 * uploaded code with its own hyphens) is looked up in turn until one exists.
 */
async function lookUp(typed: string, storeId: string | null): Promise<CouponCheckRecord> {
  const candidates = codeCandidates(typed);
  let notFound: unknown = null;
  for (const code of candidates) {
    try {
      return await checkCoupon({ code, storeId });
    } catch (error) {
      if (toApiError(error).code !== 'NOT_FOUND') throw error;
      notFound = error;
    }
  }
  throw notFound;
}

/** A redeemed coupon's redemption, as the look-up shows it, with its reversal when allowed. */
const RedeemedPanel = ({ check, canReverse, onReversed }: { check: CouponCheckRecord; canReverse: boolean; onReversed: () => void }) => {
  const translate = useTranslate();
  const redemption = check.lastRedemption;
  if (!redemption) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5 }}>
        {translate('mop.counter.redeemed_elsewhere')}
      </Typography>
    );
  }
  return (
    <Box sx={{ mt: 2 }} data-testid="counter-last-redemption">
      <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
        {translate('mop.counter.last_redemption')}
      </Typography>
      <RedemptionDetails redemption={redemption} />
      {canReverse && <ReverseRedemptionButton redemption={redemption} onReversed={onReversed} fullWidth variant="outlined" sx={{ mt: 2 }} testId="counter-reverse-last" />}
    </Box>
  );
};

/**
 * The clerk's counter, made for a phone held at the till: the store, the code the customer shows
 * (typed or pasted, any case, with or without its dashes), what the coupon is and whether it can be
 * used here and now, the order amount and the discount, one confirmation, and a clear result.
 */
export const CounterPage = () => {
  const translate = useTranslate();
  const { workspace, role } = useActiveWorkspace();
  const { canAccess, isPending } = useCanAccess({ resource: 'Coupon', action: 'redeem' });
  const { canAccess: canReverse } = useCanAccess({ resource: 'Coupon', action: 'reverse' });
  const membershipId = workspace?.membershipId ?? 'none';
  const clerk = role === 'CLERK';
  const [storeId, setStoreId] = useState<string | null>(() => loadStoreChoice(membershipId));
  const [typed, setTyped] = useState('');
  const [looking, setLooking] = useState(false);
  const [check, setCheck] = useState<CouponCheckRecord | null>(null);
  const [lookupError, setLookupError] = useState<CouponErrorMessage | null>(null);
  const [result, setResult] = useState<RedemptionResultRecord | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const atStore = storeId && storeId !== NO_STORE ? storeId : null;
  const storeReady = !clerk || Boolean(atStore);

  const clear = useCallback(() => {
    setCheck(null);
    setLookupError(null);
    setNotice(null);
  }, []);
  const chooseStore = useCallback(
    (id: string) => {
      setStoreId(id);
      saveStoreChoice(membershipId, id);
      clear();
    },
    [membershipId, clear],
  );

  const runLookup = async (value: string) => {
    setLooking(true);
    setLookupError(null);
    setCheck(null);
    try {
      setCheck(await lookUp(value, atStore));
      // On a phone this closes the keyboard, so that the coupon shows.
      (document.activeElement as HTMLElement | null)?.blur();
    } catch (error) {
      setLookupError(couponErrorMessage(error, 'counter'));
    } finally {
      setLooking(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!storeReady || looking) return;
    setNotice(null);
    if (codeCandidates(typed).length === 0) {
      setCheck(null);
      setLookupError({ key: 'mop.coupon_errors.counter.field_code', args: {}, detail: '', retryable: false });
      return;
    }
    void runLookup(typed);
  };

  const nextCustomer = () => {
    setResult(null);
    setTyped('');
    clear();
  };

  if (isPending) return <Loading />;

  return (
    <Box sx={{ mt: 1, mb: 4, mx: 'auto', maxWidth: 560, width: '100%' }} data-testid="counter-page">
      <Title title={translate('mop.counter.title')} />
      {!canAccess ? (
        <Alert severity="info" data-testid="counter-not-allowed">
          {translate('mop.counter.not_allowed')}
        </Alert>
      ) : (
        <Stack spacing={2}>
          <Card variant="outlined">
            <CardContent sx={{ pb: '16px !important' }}>
              <StorePicker value={storeId} onChange={chooseStore} required={clerk} />
            </CardContent>
          </Card>

          {result ? (
            <RedeemResult result={result} canReverse={canReverse ?? false} onNext={nextCustomer} />
          ) : (
            <Card variant="outlined">
              <CardContent>
                <Box component="form" noValidate onSubmit={submit} data-testid="counter-lookup-form">
                  <Typography variant="subtitle1" fontWeight={600} sx={{ mb: 1.5 }}>
                    {translate('mop.counter.code_title')}
                  </Typography>
                  <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} alignItems={{ xs: 'stretch', sm: 'flex-start' }}>
                    <TextField
                      value={typed}
                      onChange={(event) => setTyped(event.target.value)}
                      placeholder="ABCD-EFGH-JKMN-PQRS"
                      fullWidth
                      disabled={!storeReady}
                      helperText={translate(storeReady ? 'mop.counter.code_help' : 'mop.counter.store_first')}
                      slotProps={{
                        htmlInput: {
                          'aria-label': translate('mop.counter.code'),
                          autoCapitalize: 'characters',
                          autoComplete: 'off',
                          autoCorrect: 'off',
                          spellCheck: false,
                          enterKeyHint: 'search',
                          maxLength: 160,
                          style: { fontFamily: 'monospace', fontSize: 20, letterSpacing: '0.06em', textTransform: 'uppercase' },
                          'data-testid': 'counter-code',
                        },
                      }}
                    />
                    <Button
                      type="submit"
                      variant="contained"
                      size="large"
                      // Not disabled while looking (a button disabled under the finger keeps its ripple): a second press is ignored.
                      startIcon={looking ? <CircularProgress size={18} color="inherit" /> : <Search />}
                      disabled={!storeReady || !typed.trim()}
                      sx={{ height: { xs: 48, sm: 56 }, flexShrink: 0, whiteSpace: 'nowrap' }}
                      data-testid="counter-lookup"
                    >
                      {translate('mop.counter.look_up')}
                    </Button>
                  </Stack>
                </Box>

                {notice && (
                  <Alert severity="success" sx={{ mt: 2 }} data-testid="counter-notice">
                    {notice}
                  </Alert>
                )}
                {lookupError && (
                  <Alert severity={lookupError.retryable ? 'warning' : 'error'} sx={{ mt: 2 }} data-testid="counter-lookup-error">
                    {translate(lookupError.key, lookupError.args)}
                  </Alert>
                )}
                {check && (
                  <>
                    <Divider sx={{ my: 2 }} />
                    <CounterCoupon check={check} showUsable={check.usable} />
                    {check.coupon.status === 'REDEEMED' && (
                      <RedeemedPanel
                        check={check}
                        canReverse={canReverse ?? false}
                        onReversed={() => {
                          void runLookup(check.coupon.code).then(() => setNotice(translate('mop.counter.reversed_text')));
                        }}
                      />
                    )}
                    {check.usable && (
                      <>
                        <Divider sx={{ my: 2 }} />
                        <RedeemForm key={`${check.coupon.id}:${atStore ?? ''}`} check={check} storeId={atStore} onRedeemed={setResult} />
                      </>
                    )}
                  </>
                )}
              </CardContent>
            </Card>
          )}
        </Stack>
      )}
    </Box>
  );
};
