import CheckCircle from '@mui/icons-material/CheckCircle';
import Undo from '@mui/icons-material/Undo';
import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import type { RedemptionRecord, RedemptionResultRecord } from '../coupons/couponApi';
import { CouponCode, useMoney } from '../coupons/couponFields';
import { RedemptionDetails } from '../coupons/RedemptionDetails';
import { ReverseRedemptionButton } from '../coupons/ReverseRedemptionButton';

/**
 * The result screen: what the coupon took off and what the customer pays, readable across the
 * counter; then the next customer, or a reversal if the order is refunded on the spot.
 */
export const RedeemResult = ({ result, canReverse, onNext }: { result: RedemptionResultRecord; canReverse: boolean; onNext: () => void }) => {
  const translate = useTranslate();
  const money = useMoney();
  const [reversed, setReversed] = useState<RedemptionRecord | null>(null);
  // The confirm button was at the bottom of a long form: the result starts at the top of the screen.
  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, []);
  return (
    <Card variant="outlined" data-testid="counter-result" data-redemption-id={result.id}>
      <CardContent>
        <Stack alignItems="center" spacing={0.5} sx={{ textAlign: 'center', py: 1 }}>
          {reversed ? <Undo sx={{ fontSize: 56, color: 'warning.main' }} /> : <CheckCircle sx={{ fontSize: 56, color: 'success.main' }} />}
          <Typography variant="h5" data-testid="counter-result-title">
            {translate(reversed ? 'mop.counter.result_reversed' : 'mop.counter.result_title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate(result.type === 'EXCHANGE' ? 'mop.counter.exchange_value' : 'mop.counter.discount')}
          </Typography>
          <Typography variant="h3" color={reversed ? 'text.disabled' : 'secondary'} sx={{ textDecoration: reversed ? 'line-through' : 'none' }} data-testid="counter-result-discount">
            {money(result.discountAmount, result.currency)}
          </Typography>
          {result.type === 'EXCHANGE' && result.exchangeItem && (
            <Typography variant="body1" fontWeight={600}>
              {translate('mop.counter.hand_over', { item: result.exchangeItem })}
            </Typography>
          )}
          <Typography variant="h6" data-testid="counter-result-to-pay">
            {translate('mop.counter.customer_pays', { amount: money(Math.max(0, result.orderAmount - result.discountAmount), result.currency) })}
          </Typography>
          <Box sx={{ pt: 0.5 }}>
            <CouponCode code={result.code} testId="counter-result-code" />
          </Box>
        </Stack>
        {reversed && (
          <Alert severity="success" sx={{ mt: 2 }} data-testid="counter-reversed">
            {translate('mop.counter.reversed_text')}
          </Alert>
        )}
        <Box sx={{ mt: 2 }}>
          <RedemptionDetails redemption={reversed ?? result} />
        </Box>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ mt: 3 }}>
          <Button fullWidth size="large" variant="contained" onClick={onNext} data-testid="counter-next" sx={{ py: 1.25 }}>
            {translate('mop.counter.next_customer')}
          </Button>
          {canReverse && !reversed && (
            <ReverseRedemptionButton redemption={result} onReversed={setReversed} fullWidth size="large" variant="outlined" sx={{ py: 1.25 }} testId="counter-reverse" />
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};
