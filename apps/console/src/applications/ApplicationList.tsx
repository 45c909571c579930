import { DataTable, List, NumberInput, SearchInput, SelectInput, useTranslate } from 'react-admin';
import { EmptyState, EnumField, LocaleDateField, StatusField } from '../common';
import { APPLICATION_KINDS, APPLICATION_STATUSES } from '../onboarding/applicationApi';
import { AgeField, ApplicantField } from './fields';
import { BulkApproveButton } from './BulkApproveButton';

/** What the queue asks for: the timeline and earlier rejections are read on the show page only. */
export const APPLICATION_LIST_FIELDS = [
  'id',
  'kind',
  'status',
  'subjectType',
  'subjectId',
  'subjectName',
  'applicantUserId',
  'applicantEmail',
  'applicantName',
  'merchantId',
  'providerId',
  'reason',
  'reviewerName',
  'submittedAt',
  'decidedAt',
  'ageHours',
  'overdue',
];

/** The review queue: oldest first, filterable by kind, status and age, with bulk approval. */
export const ApplicationList = () => {
  const translate = useTranslate();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput
      key="status"
      source="status"
      alwaysOn
      choices={APPLICATION_STATUSES.map((id) => ({ id, name: translate(`mop.status.${id}`) }))}
      translateChoice={false}
    />,
    <SelectInput
      key="kind"
      source="kind"
      alwaysOn
      choices={APPLICATION_KINDS.map((id) => ({ id, name: translate(`mop.application_kind.${id}`) }))}
      translateChoice={false}
    />,
    <NumberInput key="olderThanHours" source="olderThanHours" min={0} step={1} helperText={false} />,
  ];
  return (
    <List
      title={translate('mop.menu.review_queue')}
      filters={filters}
      filterDefaultValues={{ status: 'SUBMITTED' }}
      sort={{ field: 'submittedAt', order: 'ASC' }}
      perPage={25}
      exporter={false}
      empty={false}
      queryOptions={{ meta: { sparseFields: APPLICATION_LIST_FIELDS } }}
    >
      <DataTable
        rowClick="show"
        bulkActionButtons={<BulkApproveButton />}
        isRowSelectable={(record) => record.status === 'SUBMITTED'}
        empty={<EmptyState />}
      >
        <DataTable.Col source="subjectName" disableSort />
        <DataTable.Col source="kind">
          <EnumField source="kind" prefix="mop.application_kind" />
        </DataTable.Col>
        <DataTable.Col source="applicantName" field={ApplicantField} disableSort />
        <DataTable.Col source="status" field={StatusField} />
        <DataTable.Col source="submittedAt" field={LocaleDateField} />
        <DataTable.Col source="ageHours" field={AgeField} disableSort />
        <DataTable.Col source="reviewerName" disableSort />
      </DataTable>
    </List>
  );
};
