import { Chip, Stack } from '@mui/material';
import { DataTable, EmailField, List, SearchInput, SelectInput, useRecordContext, useTranslate } from 'react-admin';
import { EmptyState, LocaleDateField, StatusField } from '../common';
import { userStatusChoices } from '../common/choices';
import type { Workspace } from '../session';

export const WorkspaceChips = () => {
  const record = useRecordContext<{ id: string; workspaces?: Workspace[] }>();
  const translate = useTranslate();
  if (!record?.workspaces?.length) return <span>{translate('mop.common.none')}</span>;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      {record.workspaces.map((w) => (
        <Chip
          key={w.membershipId}
          size="small"
          variant="outlined"
          label={`${w.kind === 'PLATFORM' ? translate('mop.workspace.platform_name') : w.name} · ${translate(`mop.roles.${w.role}`, { _: w.role })}`}
        />
      ))}
    </Stack>
  );
};

export const UserList = () => {
  const translate = useTranslate();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="status" source="status" choices={userStatusChoices(translate)} />,
  ];
  return (
    <List filters={filters} sort={{ field: 'email', order: 'ASC' }} exporter={false} empty={<EmptyState />}>
      <DataTable rowClick="show" bulkActionButtons={false} empty={<EmptyState />}>
        <DataTable.Col source="displayName" />
        <DataTable.Col source="email" field={EmailField} />
        <DataTable.Col source="workspaces" disableSort field={WorkspaceChips} />
        <DataTable.Col source="status" field={StatusField} />
        <DataTable.Col source="createdAt" field={LocaleDateField} />
      </DataTable>
    </List>
  );
};
