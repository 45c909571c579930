import { EmailField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { TenantStatusButtons } from './TenantStatusButtons';
import { Grid } from '@mui/material';
import { LocaleDateField, ResourceTitle, StatusField } from '../common';

export const MerchantShow = () => (
  <Show
    title={<ResourceTitle source="displayName" />}
    actions={
      <TopToolbar>
        <TenantStatusButtons />
      </TopToolbar>
    }
  >
    <Grid container>
      <Grid size={{ xs: 12, md: 6 }}>
        <SimpleShowLayout>
          <TextField source="displayName" />
          <TextField source="legalName" />
          <TextField source="licenceNumber" />
          <TextField source="category" />
          <StatusField source="status" />
          <TextField source="statusReason" emptyText="—" />
        </SimpleShowLayout>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <SimpleShowLayout>
          <TextField source="contactName" />
          <EmailField source="contactEmail" />
          <TextField source="contactPhone" emptyText="—" />
          <TextField source="country" />
          <TextField source="currency" />
          <TextField source="timeZone" />
          <LocaleDateField source="createdAt" />
          <LocaleDateField source="updatedAt" />
        </SimpleShowLayout>
      </Grid>
    </Grid>
  </Show>
);
