import { ArrayInput, SelectInput, SimpleFormIterator, TextInput, useTranslate } from 'react-admin';
import { openingHoursError, WEEKDAYS } from './openingHours';

const validateTime = (value: unknown) => (value && !/^([01]\d|2[0-3]):[0-5]\d$/.test(String(value)) ? 'mop.stores.time_format' : undefined);
const validateDay = (value: unknown) => openingHoursError(value as never);

/** Per weekday, when the store opens and closes ("HH:MM"); a day without a line is closed. */
export const OpeningHoursInput = ({ source = 'openingHours' }: { source?: string }) => {
  const translate = useTranslate();
  const weekdays = WEEKDAYS.map((id) => ({ id, name: translate(`mop.weekdays.${id}`) }));
  return (
    <ArrayInput source={source} label="resources.Store.fields.openingHours" helperText="mop.stores.hours_hint" validate={validateHours}>
      <SimpleFormIterator inline disableReordering data-testid="opening-hours">
        <SelectInput source="weekday" choices={weekdays} label="mop.stores.weekday" validate={required} fullWidth={false} sx={{ minWidth: 180 }} />
        <TextInput source="opens" label="mop.stores.opens" placeholder="09:00" validate={[required, validateTime]} fullWidth={false} sx={{ width: 110 }} />
        <TextInput source="closes" label="mop.stores.closes" placeholder="18:00" validate={[required, validateTime]} fullWidth={false} sx={{ width: 110 }} />
      </SimpleFormIterator>
    </ArrayInput>
  );
};

const required = (value: unknown) => (value === undefined || value === null || value === '' ? 'ra.validation.required' : undefined);

function validateHours(value: unknown) {
  if (!Array.isArray(value)) return undefined;
  for (const day of value) {
    const error = validateDay(day);
    if (error && error !== 'mop.stores.time_format') return error;
  }
  return undefined;
}
