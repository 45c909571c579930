import { Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Typography } from '@mui/material';
import { useState } from 'react';
import { DataTable, List, SearchInput, SelectInput, TextField, TopToolbar, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { EmptyState, EnumField, LocaleDateField, StatusField } from '../common';
import { useApiAction } from '../common/useApiAction';
import { API_KEY_STATUSES, type ApiKeyRecord, revokeApiKey } from './apiKeyApi';
import { CreateApiKeyButton } from './ApiKeyCreateDialog';

export const RevokeApiKeyButton = () => {
  const record = useRecordContext<ApiKeyRecord>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'ApiKey', action: 'revoke', record });
  const [open, setOpen] = useState(false);
  const { busy, run } = useApiAction();
  if (!record || record.status !== 'ACTIVE' || !canAccess) return null;
  const revoke = async () => {
    await run(() => revokeApiKey(record.id), {
      successMessage: 'mop.apikeys.revoked',
      messageArgs: { name: record.name },
      onSuccess: () => setOpen(false),
    });
  };
  return (
    <>
      <Button size="small" color="error" onClick={() => setOpen(true)} data-testid="apikey-revoke">
        {translate('mop.apikeys.revoke')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>{translate('mop.apikeys.revoke_title', { name: record.name })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('mop.apikeys.revoke_text', { prefix: record.prefix })}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button color="error" variant="contained" disabled={busy} onClick={revoke} data-testid="apikey-revoke-confirm">
            {translate('mop.apikeys.revoke')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

/** The public part of the key, as it starts: enough to tell keys apart in logs and here. */
const PrefixField = () => {
  const record = useRecordContext<ApiKeyRecord>();
  if (!record) return null;
  return (
    <Typography component="code" variant="body2" sx={{ fontFamily: 'monospace' }} data-testid="apikey-prefix">
      {`mop_${record.prefix}_…`}
    </Typography>
  );
};

const ApiKeyListActions = () => (
  <TopToolbar>
    <CreateApiKeyButton />
  </TopToolbar>
);

export const ApiKeyList = () => {
  const translate = useTranslate();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="status" source="status" alwaysOn choices={API_KEY_STATUSES.map((id) => ({ id, name: translate(`mop.status.${id}`) }))} translateChoice={false} />,
  ];
  return (
    <>
      <Box sx={{ px: 2, pt: 2 }}>
        <Typography variant="body2" color="text.secondary">
          {translate('mop.apikeys.intro')}
        </Typography>
      </Box>
      <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false} actions={<ApiKeyListActions />} empty={false}>
        <DataTable bulkActionButtons={false} rowClick={false} empty={<EmptyState />}>
          <DataTable.Col source="name" field={TextField} />
          <DataTable.Col source="prefix">
            <PrefixField />
          </DataTable.Col>
          <DataTable.Col source="scopes" disableSort>
            <EnumField source="scopes" prefix="mop.apikeys.scopes" chip />
          </DataTable.Col>
          <DataTable.Col source="status" field={StatusField} disableSort />
          <DataTable.Col source="lastUsedAt" field={LocaleDateField} />
          <DataTable.Col source="expiresAt" field={LocaleDateField} />
          <DataTable.Col label="" disableSort align="right">
            <RevokeApiKeyButton />
          </DataTable.Col>
        </DataTable>
      </List>
    </>
  );
};
