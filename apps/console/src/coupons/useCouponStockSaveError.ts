import { useNotify } from 'react-admin';

interface SaveErrorBody {
  code?: string;
  field?: string;
  detail?: string;
  errors?: Record<string, string>;
}

/**
 * What a refused save tells the user. A BAD_USER_INPUT naming a field is shown under that field
 * (the data provider hands react-admin `body.errors`); the rest becomes a notification that keeps
 * the server's explanation.
 */
export function useCouponStockSaveError() {
  const notify = useNotify();
  return (error: unknown) => {
    const body: SaveErrorBody = (error as { body?: SaveErrorBody }).body ?? {};
    const detail = body.detail ?? '';
    if (body.errors && Object.keys(body.errors).length) {
      notify('mop.coupons.server_invalid', { type: 'error' });
      return;
    }
    if (body.code === 'CONFLICT') {
      notify('mop.coupons.conflict', { type: 'error', autoHideDuration: null, messageArgs: { detail } });
      return;
    }
    if (body.code === 'BAD_USER_INPUT' || body.code === 'FORBIDDEN') {
      notify('mop.coupons.refused', { type: 'error', autoHideDuration: null, messageArgs: { detail } });
      return;
    }
    notify((error as Error).message || 'mop.errors.INTERNAL_SERVER_ERROR', { type: 'error' });
  };
}
