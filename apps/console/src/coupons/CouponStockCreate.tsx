import { Create } from 'react-admin';
import { useActiveWorkspace } from '../workspace';
import { newStockDefaults, toCouponStockInput, type CouponStockFormValues } from './couponStock';
import { CouponStockForm } from './CouponStockForm';
import { useCouponStockSaveError } from './useCouponStockSaveError';

/** A new stock starts as a DRAFT; in a provider or platform workspace the merchant is picked on the form. */
export const CouponStockCreate = () => {
  const { kind, workspace } = useActiveWorkspace();
  const pickMerchant = kind !== 'MERCHANT';
  const onError = useCouponStockSaveError();
  const defaults = { ...newStockDefaults(), merchantId: pickMerchant ? null : (workspace?.id ?? null), currency: 'CNY' };
  return (
    <Create
      redirect="show"
      mutationOptions={{ onError }}
      transform={(values: CouponStockFormValues & { currency?: string }) => {
        const input = toCouponStockInput(values, values.currency ?? 'CNY');
        // Only providers and the platform name the merchant: in a merchant workspace it is the workspace's.
        if (!pickMerchant) delete input.merchantId;
        return input;
      }}
    >
      <CouponStockForm pickMerchant={pickMerchant} defaultValues={defaults} />
    </Create>
  );
};
