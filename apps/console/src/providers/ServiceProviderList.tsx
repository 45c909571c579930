import { DataTable, EmailField, List, SearchInput, SelectInput, useTranslate } from 'react-admin';
import { EmptyState, LocaleDateField, StatusField } from '../common';
import { tenantStatusChoices } from '../common/choices';
import { useActiveWorkspace } from '../workspace';

export const ServiceProviderList = () => {
  const translate = useTranslate();
  const { kind } = useActiveWorkspace();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="status" source="status" choices={tenantStatusChoices(translate)} />,
  ];
  return (
    <List
      title={kind === 'PROVIDER' ? translate('mop.menu.my_provider') : undefined}
      filters={filters}
      sort={{ field: 'name', order: 'ASC' }}
      exporter={false}
      empty={<EmptyState />}
    >
      <DataTable rowClick="show" bulkActionButtons={false} empty={<EmptyState />}>
        <DataTable.Col source="name" />
        <DataTable.Col source="legalName" />
        <DataTable.Col source="contactName" />
        <DataTable.Col source="contactEmail" field={EmailField} />
        <DataTable.Col source="status" field={StatusField} />
        <DataTable.Col source="createdAt" field={LocaleDateField} />
      </DataTable>
    </List>
  );
};
