import { EmailField, Show, SimpleShowLayout, TextField, TopToolbar, UrlField } from 'react-admin';
import { TenantStatusButtons } from '../merchants/TenantStatusButtons';
import { LocaleDateField, ResourceTitle, StatusField } from '../common';

export const ServiceProviderShow = () => (
  <Show
    title={<ResourceTitle source="name" />}
    actions={
      <TopToolbar>
        <TenantStatusButtons />
      </TopToolbar>
    }
  >
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
