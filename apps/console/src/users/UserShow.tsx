import { EmailField, Labeled, Show, SimpleShowLayout, TextField, TopToolbar, useTranslate } from 'react-admin';
import { LocaleDateField, ResourceTitle, StatusField } from '../common';
import { WorkspaceChips } from './UserList';
import { UserStatusButtons } from './UserStatusButtons';

const UserShowActions = () => (
  <TopToolbar>
    <UserStatusButtons />
  </TopToolbar>
);

export const UserShow = () => {
  const translate = useTranslate();
  return (
    <Show title={<ResourceTitle source="displayName" />} actions={<UserShowActions />}>
      <SimpleShowLayout>
        <TextField source="displayName" />
        <EmailField source="email" />
        <TextField source="locale" />
        <StatusField source="status" />
        <Labeled label={translate('mop.users.memberships')}>
          <WorkspaceChips />
        </Labeled>
        <LocaleDateField source="createdAt" />
        <LocaleDateField source="updatedAt" />
      </SimpleShowLayout>
    </Show>
  );
};
