import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
};

/** A date and time in the console's current language. */
export const LocaleDateField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField showTime locales={locale} options={DATE_TIME} {...props} />;
};

export function formatDateTime(value: string | number | Date, locale: string): string {
  return new Date(value).toLocaleString(locale, DATE_TIME);
}
