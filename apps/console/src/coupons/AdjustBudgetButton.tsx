import AccountBalanceWalletOutlined from '@mui/icons-material/AccountBalanceWalletOutlined';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, InputAdornment, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useLocaleState, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { errorMessageKey, toApiError } from '../errors';
import { adjustCouponStockBudget, fetchCouponStock } from './couponStockApi';
import { budgetErrors, currencySymbol, formatMoney, toMajor, toMinor, type CouponStockRecord } from './couponStock';

type Basis = Pick<CouponStockRecord, 'totalQuantity' | 'budgetAmount' | 'claimedCount' | 'claimedAmount' | 'currency'>;

/**
 * Raise or lower the total quantity and the amount budget as a compare-and-set: the dialog sends the
 * values it was opened with; when someone changed them first the server answers CONFLICT, the dialog
 * loads the current values and asks the user to look again.
 */
export const AdjustBudgetButton = () => {
  const record = useRecordContext<CouponStockRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const { canAccess } = useCanAccess({ resource: 'CouponStock', action: 'adjustBudget', record });
  const [basis, setBasis] = useState<Basis | null>(null);
  const [total, setTotal] = useState('');
  const [amount, setAmount] = useState('');
  const [errors, setErrors] = useState<{ totalQuantity?: string; budgetAmount?: string }>({});
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record || !canAccess || record.status === 'ENDED') return null;

  const money = (minor: number) => formatMoney(minor, record.currency, locale);
  // A budget in money is spent in what one coupon costs: none for an exchange or an uncapped percentage.
  const amountApplies = record.type === 'FIXED_AMOUNT' || (record.type === 'PERCENT_OFF' && Boolean(record.maxDiscount)) || basis?.budgetAmount != null;
  const open = () => {
    setBasis(record);
    setTotal(String(record.totalQuantity));
    setAmount(record.budgetAmount === null || record.budgetAmount === undefined ? '' : String(toMajor(record.budgetAmount, record.currency)));
    setErrors({});
    setConflict(false);
  };
  const close = () => setBasis(null);

  const submit = async () => {
    if (!basis) return;
    const found = budgetErrors({ total, amount }, basis, locale);
    const translated = Object.fromEntries(
      Object.entries(found).map(([field, error]) => [field, typeof error === 'string' ? translate(error) : translate(error.message, error.args)]),
    );
    setErrors(translated);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const budgetAmount = amount.trim() === '' ? null : toMinor(Number(amount), basis.currency);
      await adjustCouponStockBudget(record.id, {
        expectedTotalQuantity: basis.totalQuantity,
        totalQuantity: Number(total),
        // Both always: an absent budgetAmount would mean "no budget in money".
        expectedBudgetAmount: basis.budgetAmount ?? null,
        budgetAmount,
      });
      notify('mop.coupons.budget.saved', { type: 'success' });
      close();
      refresh();
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === 'CONFLICT') {
        // Someone moved first: start again from what is current, keeping what the user typed.
        const current = await fetchCouponStock(record.id).catch(() => null);
        if (current) setBasis(current);
        setConflict(true);
        refresh();
      } else if (apiError.code === 'BAD_USER_INPUT' && (apiError.field?.endsWith('totalQuantity') || apiError.field?.endsWith('budgetAmount'))) {
        setErrors({ [apiError.field.endsWith('totalQuantity') ? 'totalQuantity' : 'budgetAmount']: apiError.message });
      } else {
        notify(apiError.code === 'FORBIDDEN' ? 'mop.coupons.refused' : errorMessageKey(apiError.code), {
          type: 'error',
          messageArgs: { detail: apiError.message },
        });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" startIcon={<AccountBalanceWalletOutlined />} onClick={open} data-testid="coupon-adjust-budget">
        {translate('mop.coupons.actions.adjust_budget')}
      </Button>
      <Dialog open={Boolean(basis)} onClose={close} fullWidth maxWidth="sm" data-testid="budget-dialog">
        <DialogTitle>{translate('mop.coupons.budget.title', { name: record.name })}</DialogTitle>
        {basis && (
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>
              {translate('mop.coupons.budget.text', { claimed: basis.claimedCount.toLocaleString(), amount: money(basis.claimedAmount) })}
            </DialogContentText>
            {conflict && (
              <Alert severity="warning" sx={{ mb: 2 }} data-testid="budget-conflict">
                {translate('mop.coupons.budget.conflict', {
                  total: basis.totalQuantity.toLocaleString(),
                  amount: basis.budgetAmount ? money(basis.budgetAmount) : translate('mop.coupons.no_budget'),
                })}
              </Alert>
            )}
            <Stack spacing={2} sx={{ pt: 1 }}>
              <TextField
                label={translate('mop.coupons.budget.total')}
                type="number"
                value={total}
                onChange={(e) => setTotal(e.target.value)}
                error={Boolean(errors.totalQuantity)}
                helperText={errors.totalQuantity ?? translate('mop.coupons.budget.now', { value: basis.totalQuantity.toLocaleString() })}
                slotProps={{ htmlInput: { min: 0, step: 1, 'data-testid': 'budget-total' } }}
              />
              {amountApplies && (
              <TextField
                label={translate('mop.coupons.budget.amount')}
                type="number"
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
                error={Boolean(errors.budgetAmount)}
                helperText={
                  errors.budgetAmount ??
                  translate('mop.coupons.budget.now', { value: basis.budgetAmount ? money(basis.budgetAmount) : translate('mop.coupons.no_budget') })
                }
                slotProps={{
                  htmlInput: { min: 0, step: 0.01, 'data-testid': 'budget-amount' },
                  input: { startAdornment: <InputAdornment position="start">{currencySymbol(basis.currency, locale)}</InputAdornment> },
                }}
              />
              )}
            </Stack>
          </DialogContent>
        )}
        <DialogActions>
          <Button onClick={close}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={submit} disabled={busy} data-testid="budget-submit">
            {translate('mop.coupons.budget.submit')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
