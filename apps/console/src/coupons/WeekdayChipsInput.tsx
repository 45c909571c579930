import { Box, Chip, FormHelperText, FormLabel, Stack } from '@mui/material';
import { useInput, useTranslate, ValidationError } from 'react-admin';
import { WEEKDAYS } from './couponStock';

/** Usable weekdays as toggle chips, Monday first; none picked means every day. */
export const WeekdayChipsInput = ({ source, label, helperText, disabled }: { source: string; label: string; helperText: string; disabled?: boolean }) => {
  const translate = useTranslate();
  const { field, fieldState } = useInput({ source, disabled });
  const picked: number[] = Array.isArray(field.value) ? field.value.map(Number) : [];
  const toggle = (day: number) => {
    const next = picked.includes(day) ? picked.filter((d) => d !== day) : [...picked, day];
    field.onChange(next.sort((a, b) => a - b));
  };
  return (
    <Box sx={{ mb: 2 }} data-testid={`input-${source}`}>
      <FormLabel sx={{ display: 'block', mb: 1, fontSize: '0.8rem' }}>{translate(label)}</FormLabel>
      <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
        {WEEKDAYS.map((day) => {
          const on = picked.includes(day);
          return (
            <Chip
              key={day}
              label={translate(`mop.coupons.weekdays_short.${day}`)}
              color={on ? 'primary' : 'default'}
              variant={on ? 'filled' : 'outlined'}
              onClick={disabled ? undefined : () => toggle(day)}
              disabled={disabled}
              aria-pressed={on}
              data-testid={`weekday-${day}`}
            />
          );
        })}
      </Stack>
      <FormHelperText error={fieldState.invalid}>
        {fieldState.error?.message ? <ValidationError error={fieldState.error.message} /> : translate(helperText)}
      </FormHelperText>
    </Box>
  );
};
