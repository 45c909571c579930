import { ApiError } from '../errors';
import { performApiAction } from './apiAction';

function deps() {
  const calls: string[] = [];
  return {
    calls,
    notify: jest.fn((message: string) => calls.push(`notify:${message}`)),
    refresh: jest.fn(() => calls.push('refresh')),
    setBusy: jest.fn((busy: boolean) => calls.push(`busy:${busy}`)),
  };
}

describe('performApiAction', () => {
  it('on success: notifies, runs onSuccess, refreshes, clears busy, returns the result', async () => {
    const d = deps();
    const onSuccess = jest.fn((_result: number) => {
      d.calls.push('onSuccess');
    });
    const result = await performApiAction(async () => 42, { successMessage: 'mop.done', messageArgs: { name: 'x' }, onSuccess }, d);
    expect(result).toBe(42);
    expect(d.notify).toHaveBeenCalledWith('mop.done', { type: 'success', messageArgs: { name: 'x' } });
    expect(onSuccess).toHaveBeenCalledWith(42);
    expect(d.calls).toEqual(['busy:true', 'notify:mop.done', 'onSuccess', 'refresh', 'busy:false']);
  });

  it('builds the message and its arguments from the result, with the given type', async () => {
    const d = deps();
    await performApiAction(async () => ({ name: 'Shop' }), { successMessage: (r) => `mop.${r.name}`, messageArgs: (r) => ({ name: r.name }), successType: 'info' }, d);
    expect(d.notify).toHaveBeenCalledWith('mop.Shop', { type: 'info', messageArgs: { name: 'Shop' } });
  });

  it('notifies nothing without a success message, and skips the refresh when told', async () => {
    const d = deps();
    await performApiAction(async () => undefined, { refresh: false }, d);
    expect(d.notify).not.toHaveBeenCalled();
    expect(d.refresh).not.toHaveBeenCalled();
    expect(d.calls).toEqual(['busy:true', 'busy:false']);
  });

  it('on failure: notifies the translated error, skips onSuccess and refresh, returns undefined', async () => {
    const d = deps();
    const onSuccess = jest.fn();
    const result = await performApiAction(
      async () => {
        throw new ApiError('FORBIDDEN', 'no');
      },
      { successMessage: 'mop.done', onSuccess },
      d,
    );
    expect(result).toBeUndefined();
    expect(d.notify).toHaveBeenCalledTimes(1);
    expect(d.notify).toHaveBeenCalledWith('mop.errors.FORBIDDEN', { type: 'error' });
    expect(onSuccess).not.toHaveBeenCalled();
    expect(d.refresh).not.toHaveBeenCalled();
    expect(d.calls).toEqual(['busy:true', 'notify:mop.errors.FORBIDDEN', 'busy:false']);
  });

  it('reports a failing onSuccess like a failing call', async () => {
    const d = deps();
    const result = await performApiAction(async () => 1, { onSuccess: async () => Promise.reject(new TypeError('fetch failed')) }, d);
    expect(result).toBeUndefined();
    expect(d.notify).toHaveBeenCalledWith('mop.errors.NETWORK_ERROR', { type: 'error' });
    expect(d.refresh).not.toHaveBeenCalled();
  });
});
