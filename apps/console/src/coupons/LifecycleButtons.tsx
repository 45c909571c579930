import PauseCircleOutline from '@mui/icons-material/PauseCircleOutline';
import PlayCircleOutline from '@mui/icons-material/PlayCircleOutline';
import StopCircleOutlined from '@mui/icons-material/StopCircleOutlined';
import { Button } from '@mui/material';
import { useState } from 'react';
import { Confirm, useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { toApiError } from '../errors';
import { changeCouponStockStatus } from './couponStockApi';
import { lifecycleActions, type CouponStockRecord, type LifecycleAction } from './couponStock';

const ICONS = { activate: <PlayCircleOutline />, pause: <PauseCircleOutline />, end: <StopCircleOutlined /> };
const COLORS = { activate: 'success', pause: 'warning', end: 'error' } as const;

/** Activate, pause or end the stock, each after a confirmation: whoever may update it. */
export const LifecycleButtons = () => {
  const record = useRecordContext<CouponStockRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'CouponStock', action: 'edit', record });
  const [pending, setPending] = useState<LifecycleAction | null>(null);
  const [busy, setBusy] = useState(false);
  if (!record || !canAccess) return null;

  const run = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      await changeCouponStockStatus(record.id, pending);
      notify(`mop.coupons.done.${pending}`, { type: 'success' });
      refresh();
    } catch (error) {
      const apiError = toApiError(error);
      // The server says why (claim window over, nothing left, codes missing, changed meanwhile): show it as it is.
      notify('mop.coupons.move_refused', {
        type: 'error',
        autoHideDuration: null,
        messageArgs: { detail: apiError.message },
      });
      refresh();
    } finally {
      setBusy(false);
      setPending(null);
    }
  };

  return (
    <>
      {lifecycleActions(record.status).map((action) => (
        <Button
          key={action}
          size="small"
          color={COLORS[action]}
          startIcon={ICONS[action]}
          onClick={() => setPending(action)}
          disabled={busy}
          data-testid={`coupon-${action}`}
        >
          {translate(`mop.coupons.actions.${action}`)}
        </Button>
      ))}
      <Confirm
        isOpen={Boolean(pending)}
        loading={busy}
        title={translate(`mop.coupons.confirm.${pending ?? 'activate'}_title`, { name: record.name })}
        content={translate(`mop.coupons.confirm.${pending ?? 'activate'}_text`)}
        confirm={pending ? `mop.coupons.actions.${pending}` : 'ra.action.confirm'}
        confirmColor={pending === 'end' ? 'warning' : 'primary'}
        onConfirm={run}
        onClose={() => setPending(null)}
      />
    </>
  );
};
