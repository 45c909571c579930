import Close from '@mui/icons-material/Close';
import PersonAddAlt from '@mui/icons-material/PersonAddAlt';
import { Autocomplete, Box, Button, Chip, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslate } from 'react-admin';
import { CUSTOMER_REF_PATTERN } from '../coupons/couponCode';

/** A customer reference for trying things out: short, recognisable, valid for the API. */
const testCustomerRef = () => `test-${Math.random().toString(36).slice(2, 8)}`;

/**
 * Who the sandbox acts as: a customer reference typed in, picked from the recent ones, or made up.
 * The reference is the merchant's own id of the customer (an app user id, an open id).
 */
export const CustomerPicker = ({
  current,
  recent,
  onChoose,
  onForget,
}: {
  current: string | null;
  recent: string[];
  onChoose: (ref: string) => void;
  onForget: (ref: string) => void;
}) => {
  const translate = useTranslate();
  const [input, setInput] = useState(current ?? '');
  const [touched, setTouched] = useState(false);
  const value = input.trim();
  const invalid = value !== '' && !CUSTOMER_REF_PATTERN.test(value);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    setTouched(true);
    if (value && !invalid) onChoose(value);
  };

  return (
    <Box component="form" onSubmit={submit} noValidate data-testid="sandbox-customer-form">
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} alignItems={{ xs: 'stretch', sm: 'flex-start' }}>
        <Autocomplete
          freeSolo
          options={recent}
          inputValue={input}
          onInputChange={(_event, next) => setInput(next)}
          onChange={(_event, picked) => {
            if (typeof picked === 'string' && CUSTOMER_REF_PATTERN.test(picked)) {
              setInput(picked);
              onChoose(picked);
            }
          }}
          sx={{ flex: 1, minWidth: 0 }}
          renderInput={(params) => (
            <TextField
              {...params}
              size="small"
              label={translate('mop.sandbox.customer_ref')}
              error={invalid || (touched && !value)}
              helperText={invalid ? translate('mop.sandbox.customer_ref_invalid') : translate('mop.sandbox.customer_ref_help')}
              slotProps={{ htmlInput: { ...params.inputProps, maxLength: 128, autoCapitalize: 'off', spellCheck: false, 'data-testid': 'sandbox-customer-input' } }}
            />
          )}
        />
        <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
          <Button type="submit" variant="contained" disabled={!value || invalid} data-testid="sandbox-customer-open" sx={{ whiteSpace: 'nowrap' }}>
            {translate('mop.sandbox.open_customer')}
          </Button>
          <Button
            variant="outlined"
            startIcon={<PersonAddAlt />}
            onClick={() => {
              const ref = testCustomerRef();
              setInput(ref);
              onChoose(ref);
            }}
            data-testid="sandbox-customer-new"
            sx={{ whiteSpace: 'nowrap' }}
          >
            {translate('mop.sandbox.new_customer')}
          </Button>
        </Stack>
      </Stack>
      {recent.length > 0 && (
        <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" alignItems="center" sx={{ mt: 1.5 }} data-testid="sandbox-recent">
          <Typography variant="caption" color="text.secondary">
            {translate('mop.sandbox.recent')}
          </Typography>
          {recent.map((ref) => (
            <Chip
              key={ref}
              size="small"
              label={ref}
              color={ref === current ? 'primary' : 'default'}
              variant={ref === current ? 'filled' : 'outlined'}
              onClick={() => {
                setInput(ref);
                onChoose(ref);
              }}
              onDelete={() => onForget(ref)}
              deleteIcon={<Close aria-label={translate('mop.sandbox.forget')} />}
              sx={{ fontFamily: 'monospace', maxWidth: 220 }}
            />
          ))}
        </Stack>
      )}
    </Box>
  );
};
