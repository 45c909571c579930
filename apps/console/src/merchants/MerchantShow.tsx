import { EmailField, FunctionField, Show, SimpleShowLayout, TextField, TopToolbar, useTranslate } from 'react-admin';
import { TenantStatusButtons } from './TenantStatusButtons';
import { Grid } from '@mui/material';
import { LocaleDateField, ResourceTitle, StatusField } from '../common';
import { categoryLabel } from '../common/categories';

/** The category in the console's language (stored in English). */
const CategoryField = (_props: { source: string }) => {
  const translate = useTranslate();
  return <FunctionField source="category" render={(record: { category?: string }) => (record.category ? categoryLabel(translate, record.category) : '—')} />;
};

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
          <CategoryField source="category" />
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
