import PublicOutlined from '@mui/icons-material/PublicOutlined';
import { Button, Chip, type ChipProps } from '@mui/material';
import { useState } from 'react';
import { Confirm, useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate, type FieldProps } from 'react-admin';
import { toApiError } from '../errors';
import type { CouponStockRecord } from './couponStock';
import { type PublicChannelState, submitCouponStockToPublicChannel } from './publicChannelApi';

type StockWithChannel = CouponStockRecord & { publicChannel?: PublicChannelState };

const COLORS: { [state in PublicChannelState]: ChipProps['color'] } = { NONE: 'default', SUBMITTED: 'warning', APPROVED: 'success', REJECTED: 'error' };

/** Where the stock stands with the public channel: not submitted, in review, approved, rejected. */
export const PublicChannelField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<StockWithChannel>();
  const translate = useTranslate();
  const state = record?.publicChannel ?? 'NONE';
  return (
    <Chip
      size="small"
      variant={state === 'NONE' ? 'outlined' : 'filled'}
      color={COLORS[state]}
      icon={<PublicOutlined />}
      label={translate(`mop.coupons.public_channel.states.${state}`)}
      data-testid={`public-channel-${state}`}
    />
  );
};

/**
 * "Submit to public channel": files the stock's terms for the platform's review. Offered to whoever
 * may edit the stock, while it is not ended and has no open or approved application.
 */
export const PublicChannelButton = () => {
  const record = useRecordContext<StockWithChannel>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'CouponStock', action: 'edit', record });
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const state = record?.publicChannel ?? 'NONE';
  if (!record || !canAccess || record.status === 'ENDED' || (state !== 'NONE' && state !== 'REJECTED')) return null;

  const submit = async () => {
    setBusy(true);
    try {
      await submitCouponStockToPublicChannel(record.id);
      notify('mop.coupons.public_channel.submitted', { type: 'success' });
    } catch (error) {
      const apiError = toApiError(error);
      notify('mop.coupons.public_channel.refused', { type: 'error', autoHideDuration: null, messageArgs: { detail: apiError.message } });
    } finally {
      setBusy(false);
      setOpen(false);
      refresh();
    }
  };

  return (
    <>
      <Button size="small" startIcon={<PublicOutlined />} onClick={() => setOpen(true)} disabled={busy} data-testid="coupon-submit-public">
        {translate(state === 'REJECTED' ? 'mop.coupons.public_channel.resubmit' : 'mop.coupons.public_channel.submit')}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title={translate('mop.coupons.public_channel.confirm_title', { name: record.name })}
        content={translate('mop.coupons.public_channel.confirm_text')}
        confirm="mop.coupons.public_channel.submit"
        onConfirm={submit}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
