import SendOutlined from '@mui/icons-material/SendOutlined';
import { Box, Button, Divider, Grid, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { email, Form, RecordContextProvider, required, ResourceContextProvider, SelectInput, TextInput, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { errorMessageKey, toApiError } from '../errors';
import { OpeningHoursInput } from '../stores/OpeningHoursInput';
import { toOpeningHoursInput } from '../dataProvider';
import {
  submitMerchantApplication,
  submitProviderApplication,
  type MerchantApplicationInput,
  type ProviderApplicationInput,
} from './applicationApi';
import { CATEGORIES } from '../common/categories';

const COUNTRIES = ['CN', 'HK', 'SG', 'JP', 'GB', 'DE', 'FR', 'US'];
const CURRENCIES = ['CNY', 'HKD', 'SGD', 'JPY', 'GBP', 'EUR', 'USD'];
const TIME_ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York', 'America/Los_Angeles', 'UTC'];
const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="subtitle1" fontWeight={600} sx={{ mb: 1 }}>
        {translate(title)}
      </Typography>
      <Grid container columnSpacing={2}>
        {children}
      </Grid>
    </Box>
  );
};

const Cell = ({ children, wide = false }: { children: ReactNode; wide?: boolean }) => (
  <Grid size={{ xs: 12, sm: wide ? 12 : 6 }}>{children}</Grid>
);

function useDisplayNames(type: 'region' | 'currency') {
  const [locale] = useLocaleState();
  const names = new Intl.DisplayNames([locale], { type });
  return (code: string) => `${names.of(code) ?? code} (${code})`;
}

const FormActions = ({ busy, resubmit, onCancel }: { busy: boolean; resubmit: boolean; onCancel: () => void }) => {
  const translate = useTranslate();
  return (
    <>
      <Divider sx={{ my: 2 }} />
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 1 }}>
        <Button onClick={onCancel} disabled={busy} data-testid="application-cancel">
          {translate('ra.action.cancel')}
        </Button>
        <Button type="submit" variant="contained" startIcon={<SendOutlined />} disabled={busy} data-testid="application-submit">
          {translate(resubmit ? 'mop.onboarding.resubmit_submit' : 'mop.onboarding.submit')}
        </Button>
      </Box>
    </>
  );
};

/** Submits, translating the server's refusal; a field the server names comes back as a form error. */
function useSubmit<T>(send: (input: T, rejectedId?: string) => Promise<unknown>, rejectedId: string | undefined, onDone: () => void) {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const submit = async (input: T) => {
    setBusy(true);
    try {
      await send(input, rejectedId);
      notify(rejectedId ? 'mop.onboarding.resubmitted' : 'mop.onboarding.submitted', { type: 'success' });
      onDone();
    } catch (error) {
      const apiError = toApiError(error);
      notify(errorMessageKey(apiError.code), { type: 'error' });
      // react-admin shows the returned errors under the offending inputs.
      if (apiError.code === 'BAD_USER_INPUT' && apiError.field) return { [apiError.field]: 'mop.errors.BAD_USER_INPUT' };
    } finally {
      setBusy(false);
    }
    return undefined;
  };
  return { submit, busy };
}

const trimAll = (value: unknown): unknown => {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(trimAll);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => k !== '__typename').map(([k, v]) => [k, trimAll(v)]));
  return value;
};

export const MerchantApplicationForm = ({
  defaults,
  rejectedId,
  onDone,
  onCancel,
}: {
  defaults?: Partial<MerchantApplicationInput>;
  rejectedId?: string;
  onDone: () => void;
  onCancel: () => void;
}) => {
  const translate = useTranslate();
  const country = useDisplayNames('region');
  const currency = useDisplayNames('currency');
  const { submit, busy } = useSubmit(submitMerchantApplication, rejectedId, onDone);
  const record = { country: 'CN', currency: 'CNY', timeZone: 'Asia/Shanghai', ...defaults };
  // The opening-hours iterator needs a record and a resource context, as in any react-admin form.
  return (
    <ResourceContextProvider value="Merchant">
      <RecordContextProvider value={record}>
        <Form
          record={record}
          onSubmit={(values: Record<string, unknown>) => {
            const input = trimAll(values) as MerchantApplicationInput;
            return submit({
              ...input,
              contactPhone: input.contactPhone || null,
              firstStore: { ...input.firstStore, openingHours: toOpeningHoursInput(input.firstStore?.openingHours) },
            });
          }}
        >
          <Section title="mop.onboarding.section_business">
            <Cell>
              <TextInput source="legalName" label="resources.Merchant.fields.legalName" validate={required()} fullWidth />
            </Cell>
            <Cell>
              <TextInput source="displayName" label="resources.Merchant.fields.displayName" validate={required()} fullWidth />
            </Cell>
            <Cell>
              <TextInput source="licenceNumber" label="resources.Merchant.fields.licenceNumber" validate={required()} fullWidth />
            </Cell>
            <Cell>
              <SelectInput
                source="category"
                label="resources.Merchant.fields.category"
                validate={required()}
                fullWidth
                choices={Object.entries(CATEGORIES).map(([id, key]) => ({ id, name: translate(`mop.categories.${key}`) }))}
                translateChoice={false}
              />
            </Cell>
          </Section>
          <Section title="mop.onboarding.section_contact">
            <Cell>
              <TextInput source="contactName" label="resources.Merchant.fields.contactName" validate={required()} fullWidth />
            </Cell>
            <Cell>
              <TextInput source="contactEmail" type="email" label="resources.Merchant.fields.contactEmail" validate={[required(), email()]} fullWidth />
            </Cell>
            <Cell>
              <TextInput source="contactPhone" label="resources.Merchant.fields.contactPhone" fullWidth />
            </Cell>
          </Section>
          <Section title="mop.onboarding.section_region">
            <Cell>
              <SelectInput source="country" label="resources.Merchant.fields.country" validate={required()} fullWidth choices={COUNTRIES.map((id) => ({ id, name: country(id) }))} translateChoice={false} />
            </Cell>
            <Cell>
              <SelectInput source="currency" label="resources.Merchant.fields.currency" validate={required()} fullWidth choices={CURRENCIES.map((id) => ({ id, name: currency(id) }))} translateChoice={false} />
            </Cell>
            <Cell>
              <SelectInput source="timeZone" label="resources.Merchant.fields.timeZone" validate={required()} fullWidth choices={TIME_ZONES.map((id) => ({ id, name: id }))} translateChoice={false} />
            </Cell>
          </Section>
          <Section title="mop.onboarding.section_first_store">
            <Cell>
              <TextInput source="firstStore.code" label="resources.Store.fields.code" validate={required()} fullWidth helperText="mop.stores.code_hint" />
            </Cell>
            <Cell>
              <TextInput source="firstStore.name" label="resources.Store.fields.name" validate={required()} fullWidth />
            </Cell>
            <Cell wide>
              <TextInput source="firstStore.address" label="resources.Store.fields.address" validate={required()} fullWidth />
            </Cell>
            <Cell wide>
              <OpeningHoursInput source="firstStore.openingHours" />
            </Cell>
          </Section>
          <FormActions busy={busy} resubmit={Boolean(rejectedId)} onCancel={onCancel} />
        </Form>
      </RecordContextProvider>
    </ResourceContextProvider>
  );
};

export const ProviderApplicationForm = ({
  defaults,
  rejectedId,
  onDone,
  onCancel,
}: {
  defaults?: Partial<ProviderApplicationInput>;
  rejectedId?: string;
  onDone: () => void;
  onCancel: () => void;
}) => {
  const { submit, busy } = useSubmit(submitProviderApplication, rejectedId, onDone);
  return (
    <Form
      record={defaults ?? {}}
      onSubmit={(values: Record<string, unknown>) => {
        const input = trimAll(values) as ProviderApplicationInput;
        return submit({ ...input, website: input.website || null, description: input.description || null });
      }}
    >
      <Section title="mop.onboarding.section_provider">
        <Cell>
          <TextInput source="name" label="resources.ServiceProvider.fields.name" validate={required()} fullWidth />
        </Cell>
        <Cell>
          <TextInput source="legalName" label="resources.ServiceProvider.fields.legalName" validate={required()} fullWidth />
        </Cell>
        <Cell>
          <TextInput source="licenceNumber" label="resources.ServiceProvider.fields.licenceNumber" validate={required()} fullWidth />
        </Cell>
        <Cell>
          <TextInput source="website" type="url" label="resources.ServiceProvider.fields.website" fullWidth />
        </Cell>
        <Cell wide>
          <TextInput source="description" label="resources.ServiceProvider.fields.description" multiline minRows={2} fullWidth />
        </Cell>
      </Section>
      <Section title="mop.onboarding.section_contact">
        <Cell>
          <TextInput source="contactName" label="resources.ServiceProvider.fields.contactName" validate={required()} fullWidth />
        </Cell>
        <Cell>
          <TextInput source="contactEmail" type="email" label="resources.ServiceProvider.fields.contactEmail" validate={[required(), email()]} fullWidth />
        </Cell>
      </Section>
      <FormActions busy={busy} resubmit={Boolean(rejectedId)} onCancel={onCancel} />
    </Form>
  );
};
