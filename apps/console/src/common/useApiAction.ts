import { useCallback, useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { type ApiActionOptions, performApiAction } from './apiAction';

export type { ApiActionOptions } from './apiAction';

/**
 * The busy flag and the try/notify/refresh/catch around the console's API calls:
 * `run(work, options)` resolves to the work's result, or to undefined once the error is notified.
 */
export function useApiAction() {
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    <T>(work: () => Promise<T>, options: ApiActionOptions<T> = {}) => performApiAction(work, options, { notify, refresh, setBusy }),
    [notify, refresh],
  );
  return { busy, run };
}
