import { Show, SimpleShowLayout, TextField } from 'react-admin';
import { EnumField, LocaleDateField, ResourceTitle, StatusField } from '../common';

export const AuthorizationShow = () => (
  <Show title={<ResourceTitle source="providerName" />}>
    <SimpleShowLayout>
      <TextField source="merchantName" />
      <TextField source="providerName" />
      <EnumField source="scopes" prefix="mop.scopes" chip />
      <StatusField source="status" />
      <LocaleDateField source="createdAt" />
      <LocaleDateField source="decidedAt" emptyText="—" />
      <LocaleDateField source="expiresAt" />
    </SimpleShowLayout>
  </Show>
);
