import { DataTable, EmailField, List, SearchInput, SelectInput, TopToolbar, useTranslate } from 'react-admin';
import { EmptyState, EnumField, LocaleDateField, StatusField } from '../common';
import { roleChoices } from '../common/choices';
import { InviteButton } from '../invitations/InvitationList';

export const MembershipList = () => {
  const translate = useTranslate();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="role" source="role" choices={roleChoices(translate)} />,
  ];
  return (
    <List
      filters={filters}
      sort={{ field: 'createdAt', order: 'ASC' }}
      exporter={false}
      empty={<EmptyState />}
      actions={
        <TopToolbar>
          <InviteButton />
        </TopToolbar>
      }
    >
      <DataTable rowClick="show" bulkActionButtons={false} empty={<EmptyState />}>
        <DataTable.Col source="displayName" />
        <DataTable.Col source="email" field={EmailField} />
        <DataTable.Col source="role">
          <EnumField source="role" prefix="mop.roles" chip />
        </DataTable.Col>
        <DataTable.Col source="status" field={StatusField} />
        <DataTable.Col source="createdAt" field={LocaleDateField} />
      </DataTable>
    </List>
  );
};
