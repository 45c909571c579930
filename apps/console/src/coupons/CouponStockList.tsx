import ConfirmationNumberOutlined from '@mui/icons-material/ConfirmationNumberOutlined';
import { Box, Typography } from '@mui/material';
import {
  CreateButton,
  DataTable,
  List,
  SearchInput,
  SelectInput,
  TopToolbar,
  FilterButton,
  useCanAccess,
  useListContext,
  useTranslate,
} from 'react-admin';
import { LocaleDateField, StatusField } from '../common';
import { useActiveWorkspace } from '../workspace';
import { STOCK_STATUSES } from './couponStock';
import { BudgetField, ClaimWindowField, CouponValueField, RemainingField } from './fields';

const NoCouponStocks = () => {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  const { canAccess: canCreate } = useCanAccess({ resource: 'CouponStock', action: 'create' });
  const filtered = Object.keys(filterValues ?? {}).length > 0;
  return (
    <Box sx={{ textAlign: 'center', py: 8, px: 2, color: 'text.secondary' }} data-testid="empty-state">
      <ConfirmationNumberOutlined sx={{ fontSize: 56, opacity: 0.45 }} />
      <Typography variant="h6" color="text.primary" sx={{ mt: 1 }}>
        {translate(filtered ? 'mop.coupons.empty_filtered' : 'mop.coupons.empty')}
      </Typography>
      {!filtered && canCreate && (
        <>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('mop.coupons.empty_text')}
          </Typography>
          <CreateButton variant="contained" data-testid="coupon-create-empty" />
        </>
      )}
    </Box>
  );
};

const ListActions = () => {
  const { canAccess: canCreate } = useCanAccess({ resource: 'CouponStock', action: 'create' });
  return (
    <TopToolbar>
      <FilterButton />
      {canCreate && <CreateButton data-testid="coupon-create" />}
    </TopToolbar>
  );
};

/** Coupon stocks with what is left to claim and how much of the budget is spent. */
export const CouponStockList = () => {
  const translate = useTranslate();
  const { kind } = useActiveWorkspace();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput
      key="status"
      source="status"
      label="mop.coupons.fields.status"
      choices={STOCK_STATUSES.map((id) => ({ id, name: translate(`mop.status.${id}`) }))}
      translateChoice={false}
      alwaysOn
    />,
  ];
  return (
    <List
      title={translate('mop.menu.coupons')}
      filters={filters}
      actions={<ListActions />}
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={false}
      empty={false}
    >
      <DataTable bulkActionButtons={false} rowClick="show" empty={<NoCouponStocks />} data-testid="coupon-stock-list">
        <DataTable.Col source="name" label="mop.coupons.fields.name" />
        {kind !== 'MERCHANT' && <DataTable.Col source="merchantName" label="mop.coupons.fields.merchantName" disableSort />}
        <DataTable.Col source="type" label="mop.coupons.fields.value" field={CouponValueField} disableSort />
        <DataTable.Col source="status" label="mop.coupons.fields.status" field={StatusField} />
        <DataTable.Col source="remaining" label="mop.coupons.remaining_total" field={RemainingField} disableSort />
        <DataTable.Col source="budgetAmount" label="mop.coupons.budget_used" field={BudgetField} disableSort />
        <DataTable.Col source="claimStartsAt" label="mop.coupons.claim_window" field={ClaimWindowField} />
        <DataTable.Col source="createdAt" label="mop.coupons.fields.createdAt" field={LocaleDateField} />
      </DataTable>
    </List>
  );
};
