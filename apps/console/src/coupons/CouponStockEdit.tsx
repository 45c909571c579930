import { Edit, useRecordContext } from 'react-admin';
import { ResourceTitle } from '../common';
import { toCouponStockInput, toFormValues, type CouponStockFormValues, type CouponStockRecord } from './couponStock';
import { CouponStockForm } from './CouponStockForm';
import { useCouponStockSaveError } from './useCouponStockSaveError';

const EditForm = () => {
  const record = useRecordContext<CouponStockRecord>();
  if (!record) return null;
  return <CouponStockForm record={toFormValues(record)} original={record} />;
};

/**
 * Saves with the version the form was loaded with (a stale one is a CONFLICT). A DRAFT changes
 * everything; an ACTIVE or PAUSED stock only its name, description and a later claim end.
 */
export const CouponStockEdit = () => {
  const onError = useCouponStockSaveError();
  return (
    <Edit
      title={<ResourceTitle source="name" />}
      mutationMode="pessimistic"
      redirect="show"
      mutationOptions={{ onError }}
      transform={(values: CouponStockFormValues & { currency?: string }) => {
        const input = toCouponStockInput(values, values.currency ?? 'CNY');
        delete input.merchantId;
        return input;
      }}
    >
      <EditForm />
    </Edit>
  );
};
