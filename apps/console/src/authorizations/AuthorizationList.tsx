import { DataTable, List, SelectInput, useTranslate } from 'react-admin';
import { EmptyState, EnumField, LocaleDateField, StatusField } from '../common';
import { authorizationStatusChoices } from '../common/choices';

export const AuthorizationList = () => {
  const translate = useTranslate();
  const filters = [<SelectInput key="status" source="status" choices={authorizationStatusChoices(translate)} alwaysOn />];
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false} empty={<EmptyState />}>
      <DataTable rowClick="show" bulkActionButtons={false} empty={<EmptyState />}>
        <DataTable.Col source="merchantName" />
        <DataTable.Col source="providerName" />
        <DataTable.Col source="scopes" disableSort>
          <EnumField source="scopes" prefix="mop.scopes" chip />
        </DataTable.Col>
        <DataTable.Col source="status" field={StatusField} />
        <DataTable.Col source="expiresAt" field={LocaleDateField} />
        <DataTable.Col source="createdAt" field={LocaleDateField} />
      </DataTable>
    </List>
  );
};
