import { DataTable, List, SearchInput, SelectInput, TextField, useTranslate } from 'react-admin';
import { EmptyState, LocaleDateField, StatusField } from '../common';
import { useActiveWorkspace } from '../workspace';
import { tenantStatusChoices } from '../common/choices';
import { categoryLabel } from '../common/categories';

export const MerchantList = () => {
  const translate = useTranslate();
  const { kind } = useActiveWorkspace();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="status" source="status" choices={tenantStatusChoices(translate)} />,
  ];
  return (
    <List
      title={kind === 'MERCHANT' ? translate('mop.menu.my_merchant') : undefined}
      filters={filters}
      sort={{ field: 'displayName', order: 'ASC' }}
      exporter={false}
      empty={<EmptyState />}
    >
      <DataTable rowClick="show" bulkActionButtons={false} empty={<EmptyState />}>
        <DataTable.Col source="displayName" />
        <DataTable.Col source="legalName" />
        <DataTable.Col source="category" render={(record: { category?: string }) => (record.category ? categoryLabel(translate, record.category) : '—')} />
        <DataTable.Col source="country" />
        <DataTable.Col source="currency" field={TextField} />
        <DataTable.Col source="status" field={StatusField} />
        <DataTable.Col source="createdAt" field={LocaleDateField} />
      </DataTable>
    </List>
  );
};
