import { Table, TableBody, TableCell, TableRow } from '@mui/material';
import type { ReactNode } from 'react';
import { NumberField, RecordContextProvider, TextField, useTranslate } from 'react-admin';
import { EnumField } from '../common';
import type { CouponStockRecord } from './couponStock';
import { ClaimWindowField, CouponValueField, MoneyField, StoresField, UsableWhenField, ValidityField } from './fields';

/**
 * The terms a stock was submitted to the public channel with (a COUPON_PUBLIC_CHANNEL application's
 * snapshot), read the way the stock's own page reads them: amounts in the currency, windows in local
 * time, enums by their labels. Same table as the other kinds' snapshots.
 */
export const CouponStockPayload = ({ payload }: { payload: Record<string, unknown> }) => {
  const translate = useTranslate();
  const stock = { id: 'snapshot', usableWeekdays: [], storeIds: [], channels: [], ...payload } as unknown as CouponStockRecord;
  const row = (field: string, value: ReactNode) => (
    <TableRow key={field} data-field={field}>
      <TableCell sx={{ color: 'text.secondary', width: 200, verticalAlign: 'top', pl: 0 }}>{translate(`mop.coupons.fields.${field}`)}</TableCell>
      <TableCell sx={{ verticalAlign: 'top' }}>{value}</TableCell>
    </TableRow>
  );
  const none = translate('mop.common.none');
  return (
    <RecordContextProvider value={stock}>
      <Table size="small" data-testid="application-payload">
        <TableBody>
          {row('name', <TextField source="name" />)}
          {row('merchantName', <TextField source="merchantName" />)}
          {row('description', <TextField source="description" emptyText={none} sx={{ whiteSpace: 'pre-wrap' }} />)}
          {row('type', <EnumField source="type" prefix="mop.coupon_types" />)}
          {row('value', <CouponValueField />)}
          {stock.type === 'PERCENT_OFF' && row('maxDiscount', <MoneyField source="maxDiscount" />)}
          {row('minSpend', <MoneyField source="minSpend" />)}
          {row('claimWindow', <ClaimWindowField />)}
          {row('validity', <ValidityField />)}
          {row('usableWhen', <UsableWhenField />)}
          {row('storeIds', <StoresField />)}
          {row('totalQuantity', <NumberField source="totalQuantity" />)}
          {row('perCustomerLimit', <NumberField source="perCustomerLimit" />)}
          {row('perCustomerDailyLimit', <NumberField source="perCustomerDailyLimit" emptyText={translate('mop.coupons.no_limit')} />)}
          {row('channels', <EnumField source="channels" prefix="mop.coupons.channels" chip />)}
          {row('codeMode', <EnumField source="codeMode" prefix="mop.coupons.code_modes" />)}
          {row('status', <EnumField source="status" prefix="mop.status" />)}
        </TableBody>
      </Table>
    </RecordContextProvider>
  );
};
