import { Typography } from '@mui/material';
import {
  AutocompleteInput,
  DataTable,
  FilterButton,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { EmptyState, LocaleDateField, StatusField } from '../common';
import { COUPON_STATUSES, type CouponRecord } from './couponApi';
import { CouponExportButton } from './CouponExportButton';
import { CouponCodeField } from './couponFields';

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CouponExportButton />
  </TopToolbar>
);

const StockNameField = () => {
  const record = useRecordContext<CouponRecord>();
  if (!record) return null;
  return (
    <Typography variant="body2" sx={{ maxWidth: 240 }} noWrap title={record.stockName}>
      {record.stockName}
    </Typography>
  );
};

const CustomerField = () => {
  const record = useRecordContext<CouponRecord>();
  if (!record) return null;
  return (
    <Typography variant="body2" noWrap title={record.customerRef} sx={{ fontFamily: 'monospace', maxWidth: 220 }} data-testid="coupon-customer">
      {record.customerRef}
    </Typography>
  );
};

/**
 * Every coupon customers hold, newest claim first: find one by its code or a customer, narrow to a
 * stock or a status, export what the filters select. Clerks look codes up at the counter instead.
 */
export const CouponList = () => {
  const translate = useTranslate();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('mop.customer_coupons.search')} sx={{ minWidth: 260 }} />,
    <ReferenceInput key="stockId" source="stockId" reference="CouponStock" sort={{ field: 'createdAt', order: 'DESC' }} alwaysOn>
      <AutocompleteInput optionText="name" label="resources.Coupon.fields.stockId" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 240 }} />
    </ReferenceInput>,
    <SelectInput
      key="status"
      source="status"
      label="resources.Coupon.fields.status"
      choices={COUPON_STATUSES.map((id) => ({ id, name: translate(`mop.status.${id}`) }))}
      translateChoice={false}
      alwaysOn
    />,
  ];
  return (
    <List
      title={translate('mop.customer_coupons.title')}
      filters={filters}
      actions={<ListActions />}
      sort={{ field: 'claimedAt', order: 'DESC' }}
      exporter={false}
      empty={false}
    >
      <DataTable bulkActionButtons={false} rowClick="show" empty={<EmptyState />} data-testid="coupon-list">
        <DataTable.Col source="code" disableSort>
          <CouponCodeField />
        </DataTable.Col>
        <DataTable.Col source="customerRef">
          <CustomerField />
        </DataTable.Col>
        <DataTable.Col source="stockName" disableSort>
          <StockNameField />
        </DataTable.Col>
        <DataTable.Col source="status" field={StatusField} />
        <DataTable.Col source="claimedAt" field={LocaleDateField} />
        <DataTable.Col source="validUntil" field={LocaleDateField} />
        <DataTable.Col source="redeemedAt">
          <LocaleDateField source="redeemedAt" emptyText={translate('mop.common.none')} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
