import { Alert } from '@mui/material';
import { DeleteButton, Edit, SaveButton, SimpleForm, TextField, Toolbar, useRecordContext, useTranslate, Labeled, EmailField } from 'react-admin';
import { ResourceTitle } from '../common';
import { RoleAndStoresInputs } from './RoleAndStoresInputs';

export const RemoveMemberButton = () => {
  const record = useRecordContext<{ id: string; displayName: string; role: string; status: string }>();
  const translate = useTranslate();
  if (!record || record.status === 'REMOVED' || record.role === 'OWNER') return null;
  return (
    <DeleteButton
      label="mop.staff.remove"
      mutationMode="pessimistic"
      confirmTitle={translate('mop.staff.remove_title', { name: record.displayName })}
      confirmContent="mop.staff.remove_text"
      successMessage="mop.staff.removed"
      data-testid="member-remove"
    />
  );
};

const MembershipEditToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    <RemoveMemberButton />
  </Toolbar>
);

const OwnerNotice = () => {
  const record = useRecordContext<{ role: string }>();
  const translate = useTranslate();
  if (record?.role !== 'OWNER') return null;
  return <Alert severity="info">{translate('mop.staff.owner_fixed')}</Alert>;
};

export const MembershipEdit = () => (
  <Edit title={<ResourceTitle source="displayName" />} mutationMode="pessimistic" redirect="show">
    <SimpleForm toolbar={<MembershipEditToolbar />}>
      <OwnerNotice />
      <Labeled>
        <TextField source="displayName" />
      </Labeled>
      <Labeled>
        <EmailField source="email" />
      </Labeled>
      <RoleAndStoresInputs />
    </SimpleForm>
  </Edit>
);
