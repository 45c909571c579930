import { Chip, type ChipProps } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

const STATUS_COLORS: Record<string, ChipProps['color']> = {
  ACTIVE: 'success',
  OPEN: 'success',
  PENDING_REVIEW: 'warning',
  REQUESTED: 'warning',
  SUSPENDED: 'warning',
  REJECTED: 'error',
  DECLINED: 'error',
  DISABLED: 'error',
  REVOKED: 'default',
  EXPIRED: 'default',
  REMOVED: 'default',
  CLOSED: 'default',
};

export const StatusChip = ({ status }: { status: string }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant="outlined"
      color={STATUS_COLORS[status] ?? 'default'}
      label={translate(`mop.status.${status}`, { _: status })}
      data-testid={`status-${status}`}
    />
  );
};

/** A status enum as a coloured chip with its translated label. */
export const StatusField = (props: FieldProps) => {
  const value = useFieldValue(props);
  if (!value) return null;
  return <StatusChip status={String(value)} />;
};
