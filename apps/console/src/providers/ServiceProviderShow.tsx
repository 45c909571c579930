import { EmailField, Show, SimpleShowLayout, TextField, UrlField } from 'react-admin';
import { LocaleDateField, ResourceTitle, StatusField } from '../common';

export const ServiceProviderShow = () => (
  <Show title={<ResourceTitle source="name" />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="legalName" />
      <TextField source="licenceNumber" />
      <TextField source="description" emptyText="—" />
      <TextField source="contactName" />
      <EmailField source="contactEmail" />
      <UrlField source="website" emptyText="—" target="_blank" rel="noreferrer" />
      <StatusField source="status" />
      <LocaleDateField source="createdAt" />
    </SimpleShowLayout>
  </Show>
);
