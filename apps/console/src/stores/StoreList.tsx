import { DataTable, List, SearchInput, SelectInput, useTranslate } from 'react-admin';
import { EmptyState, LocaleDateField, StatusField } from '../common';
import { storeStatusChoices } from '../common/choices';

export const StoreList = () => {
  const translate = useTranslate();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="status" source="status" choices={storeStatusChoices(translate)} />,
  ];
  return (
    <List filters={filters} sort={{ field: 'code', order: 'ASC' }} exporter={false} empty={false}>
      <DataTable rowClick="show" bulkActionButtons={false} empty={<EmptyState />}>
        <DataTable.Col source="code" />
        <DataTable.Col source="name" />
        <DataTable.Col source="address" />
        <DataTable.Col source="status" field={StatusField} />
        <DataTable.Col source="createdAt" field={LocaleDateField} />
      </DataTable>
    </List>
  );
};
