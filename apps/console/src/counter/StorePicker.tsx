import StorefrontOutlined from '@mui/icons-material/StorefrontOutlined';
import { Alert, MenuItem, Stack, TextField } from '@mui/material';
import { useEffect } from 'react';
import { useGetList, useTranslate } from 'react-admin';

/** The value that stands for "not at a particular store" (staff other than clerks may redeem so). */
export const NO_STORE = '';

interface StoreRecord {
  id: string;
  name: string;
  code: string;
}

const storageKey = (membershipId: string) => `mop.counter.store.${membershipId}`;

export function loadStoreChoice(membershipId: string): string | null {
  try {
    return localStorage.getItem(storageKey(membershipId));
  } catch {
    return null;
  }
}

export function saveStoreChoice(membershipId: string, storeId: string): void {
  try {
    localStorage.setItem(storageKey(membershipId), storeId);
  } catch {
    // Not remembered: the clerk picks the store again next time.
  }
}

/**
 * Where the counter is: one of the clerk's own stores (the only ones a clerk may read), or for
 * managers and owners any open store of the merchant, or none. A clerk's only store is chosen by
 * itself; a clerk of several stores says which one it works at (and is remembered on this device).
 */
export const StorePicker = ({ value, onChange, required }: { value: string | null; onChange: (storeId: string) => void; required: boolean }) => {
  const translate = useTranslate();
  const { data: stores, isPending, error } = useGetList<StoreRecord>('Store', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
    filter: { status: 'OPEN' },
  });
  const known = stores?.some((s) => s.id === value) ?? false;
  useEffect(() => {
    if (!stores) return;
    // A remembered store that is gone (closed, no longer the clerk's) is dropped.
    if (value && !known) onChange(required && stores.length === 1 ? stores[0].id : NO_STORE);
    else if (value === null) onChange(required && stores.length === 1 ? stores[0].id : NO_STORE);
  }, [stores, value, known, required, onChange]);

  if (error) return <Alert severity="warning">{translate('mop.counter.stores_unavailable')}</Alert>;
  if (!isPending && required && stores?.length === 0) return <Alert severity="warning" data-testid="counter-no-stores">{translate('mop.counter.no_stores')}</Alert>;
  return (
    <Stack direction="row" spacing={1.5} alignItems="center">
      <StorefrontOutlined color="action" />
      <TextField
        select
        fullWidth
        size="small"
        label={translate('mop.counter.store')}
        value={known || value === NO_STORE ? (value ?? NO_STORE) : NO_STORE}
        onChange={(event) => onChange(event.target.value)}
        disabled={isPending}
        error={required && !known && !isPending}
        helperText={required && !known && !isPending ? translate('mop.counter.store_required') : undefined}
        slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'counter-store' } as object } }}
      >
        {!required && (
          <MenuItem value={NO_STORE}>
            <em>{translate('mop.counter.no_store')}</em>
          </MenuItem>
        )}
        {(stores ?? []).map((store) => (
          <MenuItem key={store.id} value={store.id} data-testid={`counter-store-${store.code}`}>
            {store.name}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
};
