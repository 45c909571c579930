import DoNotDisturbOn from '@mui/icons-material/DoNotDisturbOn';
import PlayCircleOutline from '@mui/icons-material/PlayCircleOutline';
import { Button, Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useState } from 'react';
import {
  EditButton,
  Labeled,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { LocaleDateField, ResourceTitle, StatusField } from '../common';
import type { OpeningHours } from '../dataProvider';
import { errorMessageKey, toApiError } from '../errors';
import { graphqlRequest } from '../graphql';
import { sortedHours } from './openingHours';

interface StoreRecord {
  id: string;
  merchantId: string;
  status: 'OPEN' | 'CLOSED';
  openingHours?: OpeningHours[];
}

/** Close an open store, reopen a closed one: whoever may edit the store. */
export const StoreStatusButton = () => {
  const record = useRecordContext<StoreRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'Store', action: 'edit', record });
  const [busy, setBusy] = useState(false);
  if (!record || !canAccess) return null;
  const closing = record.status === 'OPEN';
  const run = async () => {
    setBusy(true);
    try {
      const mutation = closing ? 'closeStore' : 'reopenStore';
      await graphqlRequest(`mutation StoreStatus($id: ID!) { ${mutation}(id: $id) { id status version } }`, { id: record.id });
      notify(closing ? 'mop.stores.closed' : 'mop.stores.reopened', { type: 'success' });
      refresh();
    } catch (error) {
      notify(errorMessageKey(toApiError(error).code), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size="small"
      color={closing ? 'warning' : 'success'}
      startIcon={closing ? <DoNotDisturbOn /> : <PlayCircleOutline />}
      disabled={busy}
      onClick={run}
      data-testid={closing ? 'store-close' : 'store-reopen'}
    >
      {translate(closing ? 'mop.stores.close' : 'mop.stores.reopen')}
    </Button>
  );
};

const OpeningHoursField = (_props: { label?: string }) => {
  const record = useRecordContext<StoreRecord>();
  const translate = useTranslate();
  const hours = sortedHours(record?.openingHours);
  if (!hours.length) return <span>{translate('mop.stores.no_hours')}</span>;
  return (
    <Table size="small" sx={{ width: 'auto' }} data-testid="store-hours">
      <TableBody>
        {hours.map((h, i) => (
          <TableRow key={`${h.weekday}-${i}`}>
            <TableCell sx={{ pl: 0, fontWeight: 600 }}>{translate(`mop.weekdays.${h.weekday}`)}</TableCell>
            <TableCell>
              {h.opens} – {h.closes}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const StoreShowActions = () => (
  <TopToolbar>
    <StoreStatusButton />
    <EditButton />
  </TopToolbar>
);

export const StoreShow = () => (
  <Show title={<ResourceTitle source="name" />} actions={<StoreShowActions />}>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="name" />
      <TextField source="address" />
      <StatusField source="status" />
      <Labeled label="resources.Store.fields.openingHours">
        <OpeningHoursField />
      </Labeled>
      <LocaleDateField source="createdAt" />
      <LocaleDateField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);
