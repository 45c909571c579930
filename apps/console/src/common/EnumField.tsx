import { Chip, Stack, Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

interface EnumFieldProps extends FieldProps {
  /** The i18n prefix of the enum's labels, e.g. `mop.roles`. */
  prefix: string;
  chip?: boolean;
}

/** One enum value, or a list of them, translated from `<prefix>.<VALUE>`. */
export const EnumField = ({ prefix, chip = false, emptyText = '—', ...props }: EnumFieldProps) => {
  const translate = useTranslate();
  const value = useFieldValue(props);
  if (value === null || value === undefined || value === '') return emptyText ? <span>{emptyText}</span> : null;
  const values: string[] = Array.isArray(value) ? value.map(String) : [String(value)];
  const labels = values.map((v) => ({ key: v, label: translate(`${prefix}.${v}`, { _: v }) }));
  // body2, as react-admin's own fields: the same size as the values around it on a show page.
  if (!chip && labels.length === 1) return <Typography component="span" variant="body2">{labels[0].label}</Typography>;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      {labels.map(({ key, label }) => (
        <Chip key={key} size="small" label={label} />
      ))}
    </Stack>
  );
};
