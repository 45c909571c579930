import WebhookOutlined from '@mui/icons-material/WebhookOutlined';
import { Box, Typography } from '@mui/material';
import { CreateButton, DataTable, List, SearchInput, SelectInput, TopToolbar, useCanAccess, useListContext, useTranslate } from 'react-admin';
import { EmptyState, LocaleDateField } from '../common';
import { EnabledField, EndpointUrlField, EventTypesField } from './fields';
import { WebhooksTabs } from './WebhooksTabs';

const NoEndpoints = () => {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  const { canAccess: canCreate } = useCanAccess({ resource: 'WebhookEndpoint', action: 'create' });
  if (Object.keys(filterValues ?? {}).length > 0) return <EmptyState />;
  return (
    <Box sx={{ textAlign: 'center', py: 8, px: 2, color: 'text.secondary' }} data-testid="empty-state">
      <WebhookOutlined sx={{ fontSize: 56, opacity: 0.45 }} />
      <Typography variant="h6" color="text.primary" sx={{ mt: 1 }}>
        {translate('mop.webhooks.empty')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {translate('mop.webhooks.empty_text')}
      </Typography>
      {canCreate && <CreateButton variant="contained" label="mop.webhooks.new" data-testid="webhook-new-empty" />}
    </Box>
  );
};

const ListActions = () => {
  const { canAccess: canCreate } = useCanAccess({ resource: 'WebhookEndpoint', action: 'create' });
  return <TopToolbar>{canCreate && <CreateButton label="mop.webhooks.new" data-testid="webhook-new" />}</TopToolbar>;
};

/** The merchant's endpoints: where events go, which ones, and whether sending is on. */
export const WebhookEndpointList = () => {
  const translate = useTranslate();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput
      key="enabled"
      source="enabled"
      label="resources.WebhookEndpoint.fields.enabled"
      choices={[
        { id: true, name: translate('mop.webhooks.enabled') },
        { id: false, name: translate('mop.webhooks.disabled') },
      ]}
      translateChoice={false}
      alwaysOn
    />,
  ];
  return (
    <>
      <WebhooksTabs current="endpoints" />
      <List title={translate('mop.webhooks.title')} filters={filters} actions={<ListActions />} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false} empty={false}>
        <DataTable bulkActionButtons={false} rowClick="edit" empty={<NoEndpoints />} data-testid="webhook-endpoint-list">
          <DataTable.Col source="url">
            <EndpointUrlField />
          </DataTable.Col>
          <DataTable.Col source="eventTypes" disableSort>
            <EventTypesField />
          </DataTable.Col>
          <DataTable.Col source="enabled">
            <EnabledField />
          </DataTable.Col>
          <DataTable.Col source="createdAt" field={LocaleDateField} />
        </DataTable>
      </List>
    </>
  );
};
