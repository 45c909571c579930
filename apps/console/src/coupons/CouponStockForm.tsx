import { Alert, Box, Grid, InputAdornment, Typography } from '@mui/material';
import { useEffect, type ReactNode } from 'react';
import {
  CheckboxGroupInput,
  DateTimeInput,
  FormDataConsumer,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceArrayInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  useGetOne,
  useInput,
  useLocaleState,
  useTranslate,
  type SimpleFormProps,
} from 'react-admin';
import {
  CODE_MODES,
  COUPON_CHANNELS,
  COUPON_TYPES,
  currencySymbol,
  LIVE_EDITABLE,
  REVIEWED_CHANNELS,
  validateCouponStock,
  VALIDITY_KINDS,
  type CouponStockFormValues,
  type CouponStockRecord,
} from './couponStock';
import { WeekdayChipsInput } from './WeekdayChipsInput';

const Section = ({ title, children, testId }: { title: string; children: ReactNode; testId: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%', mb: 1 }} data-testid={`section-${testId}`}>
      <Typography variant="subtitle1" fontWeight={600} sx={{ mb: 1, mt: 1 }}>
        {translate(title)}
      </Typography>
      <Grid container columnSpacing={2}>
        {children}
      </Grid>
    </Box>
  );
};

const Cell = ({ children, wide = false }: { children: ReactNode; wide?: boolean }) => (
  <Grid size={{ xs: 12, md: wide ? 12 : 6 }}>{children}</Grid>
);

/** Keeps the hidden `currency` value on the picked merchant's currency (amounts are entered in its major unit). */
const MerchantCurrency = ({ merchantId }: { merchantId?: string | null }) => {
  const { field } = useInput({ source: 'currency' });
  const { data } = useGetOne<{ id: string; currency: string }>('Merchant', { id: merchantId ?? '' }, { enabled: Boolean(merchantId) });
  const { onChange, value } = field;
  useEffect(() => {
    if (data?.currency && data.currency !== value) onChange(data.currency);
  }, [data?.currency, value, onChange]);
  return null;
};

const money = (symbol: string) => ({
  step: 0.01,
  min: 0,
  slotProps: { input: { startAdornment: <InputAdornment position="start">{symbol}</InputAdornment> } },
});

interface CouponStockFormProps extends Omit<SimpleFormProps, 'children' | 'validate'> {
  /** Create in a provider or platform workspace: the merchant is picked on the form. */
  pickMerchant?: boolean;
  /** The stock as loaded, when editing: ACTIVE/PAUSED stocks only change name, description and a later claim end. */
  original?: CouponStockRecord;
}

/**
 * The create and edit form. Amounts are in the currency's major unit and hours are "HH:MM" here;
 * `toCouponStockInput` turns them into the API's minor units and minutes when saving.
 */
export const CouponStockForm = ({ pickMerchant = false, original, ...props }: CouponStockFormProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const live = original?.status === 'ACTIVE' || original?.status === 'PAUSED';
  const locked = (field: string) => live && !LIVE_EDITABLE.includes(field);
  const choices = (prefix: string, values: readonly string[]) => values.map((id) => ({ id, name: translate(`${prefix}.${id}`) }));
  const validate = (values: Record<string, unknown>) =>
    validateCouponStock(values as CouponStockFormValues, {
      currency: String(values['currency'] ?? 'CNY'),
      live,
      original,
      needsMerchant: pickMerchant,
    }) as Record<string, unknown>;
  const label = (field: string) => `mop.coupons.fields.${field}`;
  const hint = (key: string) => `mop.coupons.hints.${key}`;

  return (
    <SimpleForm validate={validate} {...props}>
      <FormDataConsumer<CouponStockFormValues & { currency?: string }>>
        {({ formData }) => {
          const currency = currencySymbol(formData.currency ?? original?.currency ?? 'CNY', locale);
          const type = formData.type;
          return (
            <>
              {live && (
                <Alert severity="info" sx={{ mb: 2, width: '100%' }} data-testid="coupon-live-note">
                  {translate('mop.coupons.live_note')}
                </Alert>
              )}
              <MerchantCurrency merchantId={formData.merchantId} />

              <Section title="mop.coupons.sections.basics" testId="basics">
                {pickMerchant && (
                  <Cell wide>
                    <ReferenceInput source="merchantId" reference="Merchant" sort={{ field: 'displayName', order: 'ASC' }} perPage={100} filter={{ status: 'ACTIVE' }}>
                      <SelectInput optionText="displayName" label={label('merchantId')} helperText={hint('merchant')} fullWidth />
                    </ReferenceInput>
                  </Cell>
                )}
                <Cell>
                  <TextInput source="name" label={label('name')} helperText={hint('name')} fullWidth />
                </Cell>
                <Cell>
                  <SelectInput
                    source="type"
                    label={label('type')}
                    choices={choices('mop.coupon_types', COUPON_TYPES)}
                    translateChoice={false}
                    readOnly={locked('type')}
                    helperText={type ? hint(`type_${type}`) : false}
                    fullWidth
                  />
                </Cell>
                <Cell wide>
                  <TextInput source="description" label={label('description')} multiline minRows={2} fullWidth helperText={false} />
                </Cell>
              </Section>

              <Section title="mop.coupons.sections.value" testId="value">
                {type === 'FIXED_AMOUNT' && (
                  <Cell>
                    <NumberInput source="faceValue" label={label('faceValue')} helperText={hint('faceValue')} readOnly={locked('faceValue')} fullWidth {...money(currency)} />
                  </Cell>
                )}
                {type === 'PERCENT_OFF' && (
                  <>
                    <Cell>
                      <NumberInput
                        source="percentOff"
                        label={label('percentOff')}
                        helperText={hint('percentOff')}
                        readOnly={locked('percentOff')}
                        step={1}
                        min={1}
                        max={100}
                        fullWidth
                        slotProps={{ input: { endAdornment: <InputAdornment position="end">%</InputAdornment> } }}
                      />
                    </Cell>
                    <Cell>
                      <NumberInput source="maxDiscount" label={label('maxDiscount')} helperText={hint('maxDiscount')} readOnly={locked('maxDiscount')} fullWidth {...money(currency)} />
                    </Cell>
                  </>
                )}
                {type === 'EXCHANGE' && (
                  <Cell>
                    <TextInput source="exchangeItem" label={label('exchangeItem')} helperText={hint('exchangeItem')} readOnly={locked('exchangeItem')} fullWidth />
                  </Cell>
                )}
                <Cell>
                  <NumberInput source="minSpend" label={label('minSpend')} helperText={hint('minSpend')} readOnly={locked('minSpend')} fullWidth {...money(currency)} />
                </Cell>
              </Section>

              <Section title="mop.coupons.sections.claiming" testId="claiming">
                <Cell>
                  <DateTimeInput source="claimStartsAt" label={label('claimStartsAt')} helperText={hint('claimStartsAt')} readOnly={locked('claimStartsAt')} fullWidth />
                </Cell>
                <Cell>
                  <DateTimeInput source="claimEndsAt" label={label('claimEndsAt')} helperText={hint(live ? 'claimEndsAt_live' : 'claimEndsAt')} fullWidth />
                </Cell>
              </Section>

              <Section title="mop.coupons.sections.validity" testId="validity">
                <Cell wide>
                  <RadioButtonGroupInput
                    source="validityKind"
                    label={label('validityKind')}
                    choices={choices('mop.coupons.validity_kinds', VALIDITY_KINDS)}
                    translateChoice={false}
                    readOnly={locked('validityKind')}
                    disabled={locked('validityKind')}
                    helperText={false}
                  />
                </Cell>
                {formData.validityKind === 'FIXED' ? (
                  <>
                    <Cell>
                      <DateTimeInput source="validFrom" label={label('validFrom')} readOnly={locked('validFrom')} helperText={false} fullWidth />
                    </Cell>
                    <Cell>
                      <DateTimeInput source="validUntil" label={label('validUntil')} readOnly={locked('validUntil')} helperText={hint('validUntil')} fullWidth />
                    </Cell>
                  </>
                ) : (
                  <Cell>
                    <NumberInput source="validDays" label={label('validDays')} helperText={hint('validDays')} readOnly={locked('validDays')} step={1} min={1} fullWidth />
                  </Cell>
                )}
                <Cell wide>
                  <WeekdayChipsInput source="usableWeekdays" label={label('usableWeekdays')} helperText={hint('usableWeekdays')} disabled={locked('usableWeekdays')} />
                </Cell>
                <Cell>
                  <TextInput source="usableFromMinute" label={label('usableFromMinute')} placeholder="09:00" helperText={hint('usableHours')} readOnly={locked('usableFromMinute')} fullWidth />
                </Cell>
                <Cell>
                  <TextInput source="usableToMinute" label={label('usableToMinute')} placeholder="22:00" helperText={false} readOnly={locked('usableToMinute')} fullWidth />
                </Cell>
                <Cell wide>
                  {formData.merchantId ? (
                    <ReferenceArrayInput source="storeIds" reference="Store" filter={{ merchantId: formData.merchantId }} sort={{ field: 'code', order: 'ASC' }} perPage={100}>
                      <CheckboxGroupInput
                        label={label('storeIds')}
                        optionText={(store: { code: string; name: string }) => `${store.name} (${store.code})`}
                        helperText={hint('storeIds')}
                        disabled={locked('storeIds')}
                        row
                      />
                    </ReferenceArrayInput>
                  ) : (
                    <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                      {translate(hint('stores_pick_merchant'))}
                    </Typography>
                  )}
                </Cell>
              </Section>

              <Section title="mop.coupons.sections.limits" testId="limits">
                <Cell>
                  <NumberInput source="totalQuantity" label={label('totalQuantity')} helperText={hint(live ? 'totalQuantity_live' : 'totalQuantity')} readOnly={locked('totalQuantity')} step={1} min={1} fullWidth />
                </Cell>
                <Cell>
                  <NumberInput source="perCustomerLimit" label={label('perCustomerLimit')} helperText={hint('perCustomerLimit')} readOnly={locked('perCustomerLimit')} step={1} min={1} fullWidth />
                </Cell>
                <Cell>
                  <NumberInput source="perCustomerDailyLimit" label={label('perCustomerDailyLimit')} helperText={hint('perCustomerDailyLimit')} readOnly={locked('perCustomerDailyLimit')} step={1} min={1} fullWidth />
                </Cell>
                <Cell>
                  <NumberInput source="budgetCount" label={label('budgetCount')} helperText={hint('budgetCount')} readOnly={locked('budgetCount')} step={1} min={1} fullWidth />
                </Cell>
                {type !== 'EXCHANGE' && (
                  <Cell>
                    <NumberInput source="budgetAmount" label={label('budgetAmount')} helperText={hint(live ? 'budgetAmount_live' : 'budgetAmount')} readOnly={locked('budgetAmount')} fullWidth {...money(currency)} />
                  </Cell>
                )}
              </Section>

              <Section title="mop.coupons.sections.channels" testId="channels">
                <Cell wide>
                  <CheckboxGroupInput
                    source="channels"
                    label={label('channels')}
                    choices={COUPON_CHANNELS.filter((id) => !REVIEWED_CHANNELS.includes(id)).map((id) => ({ id, name: translate(`mop.coupons.channels.${id}`) }))}
                    translateChoice={false}
                    helperText={hint('channels')}
                    disabled={locked('channels')}
                  />
                </Cell>
                <Cell>
                  <SelectInput
                    source="codeMode"
                    label={label('codeMode')}
                    choices={choices('mop.coupons.code_modes', CODE_MODES)}
                    translateChoice={false}
                    helperText={hint(`codeMode_${formData.codeMode ?? 'GENERATED'}`)}
                    readOnly={locked('codeMode')}
                    fullWidth
                  />
                </Cell>
              </Section>
            </>
          );
        }}
      </FormDataConsumer>
    </SimpleForm>
  );
};
