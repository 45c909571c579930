import { Chip } from '@mui/material';
import {
  AutocompleteInput,
  DataTable,
  DateInput,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextInput,
  useCanAccess,
  useFieldValue,
  useTranslate,
  type FieldProps,
} from 'react-admin';
import { EmptyState, EnumField, LocaleDateField } from '../common';
import { subjectChoices } from '../common/choices';

/** `2026-05-01` from the date picker as the first or last instant of that local day. */
const startOfDay = (value: string) => (value ? new Date(`${value}T00:00:00`).toISOString() : value);
const endOfDay = (value: string) => (value ? new Date(`${value}T23:59:59.999`).toISOString() : value);

export const ActionField = (props: FieldProps) => {
  const translate = useTranslate();
  const value = useFieldValue(props);
  if (!value) return null;
  return (
    <Chip
      size="small"
      title={String(value)}
      data-action={String(value)}
      label={translate(`mop.audit.actions.${String(value).replace(/\./g, '_')}`, { _: String(value) })}
      sx={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontWeight: 500 }}
    />
  );
};

export const SubjectTypeField = (props: FieldProps) => {
  const translate = useTranslate();
  const value = useFieldValue(props);
  if (!value) return null;
  return <span>{translate(`resources.${value}.name`, { smart_count: 1, _: String(value) })}</span>;
};

export const AuditEventList = () => {
  const translate = useTranslate();
  const { canAccess: canListUsers } = useCanAccess({ resource: 'User', action: 'list' });
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <TextInput key="action" source="action" />,
    <SelectInput key="subjectType" source="subjectType" choices={subjectChoices(translate)} />,
    ...(canListUsers
      ? [
          <ReferenceInput key="actorUserId" source="actorUserId" reference="User">
            <AutocompleteInput optionText="email" label="resources.AuditEvent.fields.actorLabel" />
          </ReferenceInput>,
        ]
      : []),
    <DateInput key="at_gte" source="at_gte" parse={startOfDay} alwaysOn />,
    <DateInput key="at_lte" source="at_lte" parse={endOfDay} alwaysOn />,
  ];
  return (
    <List
      filters={filters}
      sort={{ field: 'at', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={<EmptyState />}
    >
      <DataTable rowClick="show" bulkActionButtons={false} empty={<EmptyState />}>
        <DataTable.Col source="at" field={LocaleDateField} />
        <DataTable.Col source="actorLabel" />
        <DataTable.Col source="action" field={ActionField} />
        <DataTable.Col source="subjectType" field={SubjectTypeField} />
        <DataTable.Col source="workspaceKind">
          <EnumField source="workspaceKind" prefix="mop.workspace.kind" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
