import PersonAddAlt from '@mui/icons-material/PersonAddAlt';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  CreateButton,
  DataTable,
  EmailField,
  List,
  SearchInput,
  SelectInput,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { EmptyState, EnumField, LocaleDateField, StatusField } from '../common';
import { useApiAction } from '../common/useApiAction';
import { revokeInvitation } from './invitationApi';

const INVITATION_STATUSES = ['PENDING', 'ACCEPTED', 'REVOKED', 'EXPIRED'];

export const RevokeInvitationButton = () => {
  const record = useRecordContext<{ id: string; email: string; status: string }>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'Invitation', action: 'revoke', record });
  const [open, setOpen] = useState(false);
  const { busy, run } = useApiAction();
  if (!record || record.status !== 'PENDING' || !canAccess) return null;
  const revoke = async () => {
    await run(() => revokeInvitation(record.id), { successMessage: 'mop.staff.revoked', onSuccess: () => setOpen(false) });
  };
  return (
    <>
      <Button
        size="small"
        color="error"
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
        data-testid="invitation-revoke"
      >
        {translate('mop.staff.revoke')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} onClick={(e) => e.stopPropagation()}>
        <DialogTitle>{translate('mop.staff.revoke_title', { email: record.email })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('mop.staff.revoke_text')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button color="error" variant="contained" disabled={busy} onClick={revoke} data-testid="invitation-revoke-confirm">
            {translate('mop.staff.revoke')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

export const InviteButton = () => (
  <CreateButton resource="Invitation" label="mop.staff.invite" icon={<PersonAddAlt />} data-testid="invite-member" />
);

const InvitationListActions = () => (
  <TopToolbar>
    <InviteButton />
  </TopToolbar>
);

export const InvitationList = () => {
  const translate = useTranslate();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput
      key="status"
      source="status"
      alwaysOn
      choices={INVITATION_STATUSES.map((id) => ({ id, name: translate(`mop.status.${id}`) }))}
      translateChoice={false}
    />,
  ];
  return (
    <List
      filters={filters}
      filterDefaultValues={{ status: 'PENDING' }}
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={false}
      actions={<InvitationListActions />}
      empty={false}
    >
      <DataTable bulkActionButtons={false} rowClick={false} empty={<EmptyState />}>
        <DataTable.Col source="email" field={EmailField} />
        <DataTable.Col source="role">
          <EnumField source="role" prefix="mop.roles" chip />
        </DataTable.Col>
        <DataTable.Col source="status" field={StatusField} disableSort />
        <DataTable.Col source="invitedByName" disableSort />
        <DataTable.Col source="expiresAt" field={LocaleDateField} />
        <DataTable.Col source="createdAt" field={LocaleDateField} />
        <DataTable.Col label="" disableSort align="right">
          <RevokeInvitationButton />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
