import ConfirmationNumberOutlined from '@mui/icons-material/ConfirmationNumberOutlined';
import { Box, LinearProgress, Typography } from '@mui/material';
import { DataTable, List, useLocaleState, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { EnumField, LocaleDateField, StatusField } from '../common';
import { formatDateTime } from '../common/LocaleDateField';

interface CouponStockRecord {
  id: string;
  totalQuantity: number;
  claimedCount: number;
  remaining: number;
  claimStartsAt: string;
  claimEndsAt: string;
}

const RemainingField = (_props: FieldProps) => {
  const record = useRecordContext<CouponStockRecord>();
  if (!record) return null;
  const used = record.totalQuantity > 0 ? (100 * (record.totalQuantity - record.remaining)) / record.totalQuantity : 0;
  return (
    <Box sx={{ minWidth: 120 }}>
      <Typography variant="body2">
        {record.remaining.toLocaleString()} / {record.totalQuantity.toLocaleString()}
      </Typography>
      <LinearProgress variant="determinate" value={used} sx={{ mt: 0.5, height: 4, borderRadius: 2 }} />
    </Box>
  );
};

const ClaimWindowField = (_props: FieldProps) => {
  const record = useRecordContext<CouponStockRecord>();
  const [locale] = useLocaleState();
  if (!record) return null;
  return (
    <span>
      {formatDateTime(record.claimStartsAt, locale)} – {formatDateTime(record.claimEndsAt, locale)}
    </span>
  );
};

const NoCouponStocks = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', py: 8, px: 2, color: 'text.secondary' }} data-testid="empty-state">
      <ConfirmationNumberOutlined sx={{ fontSize: 56, opacity: 0.45 }} />
      <Typography variant="h6" color="text.primary" sx={{ mt: 1 }}>
        {translate('mop.coupons.empty')}
      </Typography>
    </Box>
  );
};

/** The merchant's coupon stocks (read-only until the API can create them). */
export const CouponStockList = () => {
  const translate = useTranslate();
  return (
    <List title={translate('mop.menu.coupons')} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false} empty={<NoCouponStocks />}>
      <DataTable bulkActionButtons={false} rowClick={false} empty={<NoCouponStocks />}>
        <DataTable.Col source="name" />
        <DataTable.Col source="type" disableSort>
          <EnumField source="type" prefix="mop.coupon_types" />
        </DataTable.Col>
        <DataTable.Col source="status" field={StatusField} />
        <DataTable.Col source="remaining" label="mop.coupons.remaining_total" field={RemainingField} disableSort />
        <DataTable.Col source="claimStartsAt" label="mop.coupons.claim_window" field={ClaimWindowField} />
        <DataTable.Col source="createdAt" field={LocaleDateField} />
      </DataTable>
    </List>
  );
};
