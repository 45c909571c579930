import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { DataTable, Pagination, ReferenceManyField, useCanAccess, useListContext, useRecordContext, useTranslate } from 'react-admin';
import { LocaleDateField, StatusField } from '../common';
import { CouponExportButton } from './CouponExportButton';
import { CouponCodeField } from './couponFields';
import type { CouponStockRecord } from './couponStock';

const Heading = ({ name }: { name: string }) => {
  const translate = useTranslate();
  const { total } = useListContext();
  return (
    <Stack direction="row" alignItems="center" justifyContent="space-between" sx={{ mb: 1 }}>
      <Typography variant="subtitle1" fontWeight={600}>
        {translate('mop.customer_coupons.stock_section', { smart_count: total ?? 0 })}
      </Typography>
      <CouponExportButton filename={`coupons-${name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'stock'}`} />
    </Stack>
  );
};

const NoCoupons = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ py: 3, textAlign: 'center', color: 'text.secondary' }} data-testid="stock-coupons-empty">
      <Typography variant="body2">{translate('mop.customer_coupons.stock_empty')}</Typography>
    </Box>
  );
};

/** The coupons this stock has handed out, newest claim first, with their export. */
export const StockCoupons = () => {
  const record = useRecordContext<CouponStockRecord>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'Coupon', action: 'list' });
  if (!record || !canAccess || record.status === 'DRAFT') return null;
  return (
    <Card variant="outlined" data-testid="panel-stock-coupons">
      <CardContent>
        <ReferenceManyField
          reference="Coupon"
          target="stockId"
          // The permanent filter also tells the export which coupons to read.
          filter={{ stockId: record.id }}
          sort={{ field: 'claimedAt', order: 'DESC' }}
          perPage={10}
          pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
        >
          <Heading name={record.name} />
          <DataTable bulkActionButtons={false} rowClick="show" empty={<NoCoupons />} data-testid="stock-coupon-list">
            <DataTable.Col source="code" label="resources.Coupon.fields.code" disableSort>
              <CouponCodeField />
            </DataTable.Col>
            <DataTable.Col source="customerRef" label="resources.Coupon.fields.customerRef" />
            <DataTable.Col source="status" label="resources.Coupon.fields.status" field={StatusField} />
            <DataTable.Col source="claimedAt" label="resources.Coupon.fields.claimedAt" field={LocaleDateField} />
            <DataTable.Col source="validUntil" label="resources.Coupon.fields.validUntil" field={LocaleDateField} />
            <DataTable.Col source="redeemedAt" label="resources.Coupon.fields.redeemedAt">
              <LocaleDateField source="redeemedAt" emptyText={translate('mop.common.none')} />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
      </CardContent>
    </Card>
  );
};
