import DoNotDisturbOn from '@mui/icons-material/DoNotDisturbOn';
import PlayCircleOutline from '@mui/icons-material/PlayCircleOutline';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useState } from 'react';
import {
  EditButton,
  Labeled,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { LocaleDateField, ResourceTitle, StatusField } from '../common';
import { useApiAction } from '../common/useApiAction';
import type { OpeningHours } from '../dataProvider';
import { graphqlRequest } from '../graphql';
import { sortedHours } from './openingHours';

interface StoreRecord {
  id: string;
  name: string;
  merchantId: string;
  status: 'OPEN' | 'CLOSED';
  openingHours?: OpeningHours[];
}

/** Close an open store (after confirming), reopen a closed one: whoever may edit the store. */
export const StoreStatusButton = () => {
  const record = useRecordContext<StoreRecord>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'Store', action: 'edit', record });
  const { busy, run: runAction } = useApiAction();
  const [confirming, setConfirming] = useState(false);
  if (!record || !canAccess) return null;
  const closing = record.status === 'OPEN';
  const run = async () => {
    const mutation = closing ? 'closeStore' : 'reopenStore';
    await runAction(() => graphqlRequest(`mutation StoreStatus($id: ID!) { ${mutation}(id: $id) { id status version } }`, { id: record.id }), {
      successMessage: closing ? 'mop.stores.closed' : 'mop.stores.reopened',
      onSuccess: () => setConfirming(false),
    });
  };
  return (
    <>
      <Button
        size="small"
        color={closing ? 'warning' : 'success'}
        startIcon={closing ? <DoNotDisturbOn /> : <PlayCircleOutline />}
        disabled={busy}
        onClick={closing ? () => setConfirming(true) : run}
        data-testid={closing ? 'store-close' : 'store-reopen'}
      >
        {translate(closing ? 'mop.stores.close' : 'mop.stores.reopen')}
      </Button>
      <Dialog open={confirming && closing} onClose={() => setConfirming(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('mop.stores.close_title', { name: record.name })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('mop.stores.close_text')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>{translate('ra.action.cancel')}</Button>
          <Button color="warning" variant="contained" disabled={busy} onClick={run} data-testid="store-close-confirm">
            {translate('mop.stores.close')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
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
