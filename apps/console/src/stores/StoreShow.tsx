import { Show, SimpleShowLayout, TextField } from 'react-admin';
import { LocaleDateField, ResourceTitle, StatusField } from '../common';

export const StoreShow = () => (
  <Show title={<ResourceTitle source="name" />}>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="name" />
      <TextField source="address" />
      <StatusField source="status" />
      <LocaleDateField source="createdAt" />
      <LocaleDateField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);
