import { Chip, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { REVIEW_TARGET_HOURS } from '../onboarding/applicationApi';
import { formatAge } from './age';

interface AgeRecord {
  status: string;
  ageHours: number;
  overdue: boolean;
}

/** The application's age against the 24 h review target, with an "overdue" chip past it. */
export const AgeField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<AgeRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const waiting = record.status === 'SUBMITTED';
  return (
    <Stack direction="row" spacing={1} alignItems="center" data-testid="application-age">
      <Typography variant="body2" color={waiting && record.overdue ? 'error.main' : undefined}>
        {formatAge(record.ageHours, translate)}
      </Typography>
      {waiting && record.overdue && (
        <Chip size="small" color="error" label={translate('mop.review.overdue')} data-testid="overdue-chip" title={translate('mop.review.target', { hours: REVIEW_TARGET_HOURS })} />
      )}
    </Stack>
  );
};

export const ApplicantField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<{ applicantName?: string | null; applicantEmail?: string | null }>();
  if (!record) return null;
  return (
    <Stack>
      <Typography variant="body2">{record.applicantName ?? '—'}</Typography>
      {record.applicantEmail && (
        <Typography variant="caption" color="text.secondary">
          {record.applicantEmail}
        </Typography>
      )}
    </Stack>
  );
};
