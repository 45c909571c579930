import { errorMessageKey, toApiError } from '../errors';

type NotificationType = 'success' | 'info' | 'warning' | 'error';

/** What to do around one API call: the success message, the follow-up, whether to refresh the views. */
export interface ApiActionOptions<T> {
  /** The message key to notify on success, or one picked from the call's result; none by default. */
  successMessage?: string | ((result: T) => string);
  /** The success message's arguments, or ones built from the call's result. */
  messageArgs?: Record<string, unknown> | ((result: T) => Record<string, unknown>);
  /** The success notification's type: 'success' unless told otherwise. */
  successType?: NotificationType;
  /** Runs after the success notification (close a dialog, reset a form…); awaited, and its failure is reported like the call's. */
  onSuccess?: (result: T) => void | Promise<void>;
  /** Refreshes react-admin's views after success unless false. */
  refresh?: boolean;
}

/** What an API action needs from its surroundings: react-admin's notify and refresh, and the busy flag. */
export interface ApiActionDeps {
  notify: (message: string, options: { type: NotificationType; messageArgs?: Record<string, unknown> }) => void;
  refresh: () => void;
  setBusy: (busy: boolean) => void;
}

/**
 * Sets busy, awaits the work, then notifies the success message, runs onSuccess and refreshes;
 * on failure notifies the translated error and resolves to undefined. Busy is cleared either way.
 */
export async function performApiAction<T>(work: () => Promise<T>, options: ApiActionOptions<T>, deps: ApiActionDeps): Promise<T | undefined> {
  deps.setBusy(true);
  try {
    const result = await work();
    const message = typeof options.successMessage === 'function' ? options.successMessage(result) : options.successMessage;
    if (message) {
      const messageArgs = typeof options.messageArgs === 'function' ? options.messageArgs(result) : options.messageArgs;
      deps.notify(message, { type: options.successType ?? 'success', ...(messageArgs ? { messageArgs } : {}) });
    }
    await options.onSuccess?.(result);
    if (options.refresh !== false) deps.refresh();
    return result;
  } catch (error) {
    deps.notify(errorMessageKey(toApiError(error).code), { type: 'error' });
    return undefined;
  } finally {
    deps.setBusy(false);
  }
}
