import { EmailField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { EnumField, LocaleDateField, ResourceTitle, StatusField } from '../common';

export const MembershipShow = () => (
  <Show title={<ResourceTitle source="displayName" />}>
    <SimpleShowLayout>
      <TextField source="displayName" />
      <EmailField source="email" />
      <EnumField source="kind" prefix="mop.workspace.kind" />
      <EnumField source="role" prefix="mop.roles" chip />
      <StatusField source="status" />
      <LocaleDateField source="createdAt" />
    </SimpleShowLayout>
  </Show>
);
