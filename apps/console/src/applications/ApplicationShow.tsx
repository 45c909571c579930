import { Alert, Box, Card, CardContent, CardHeader, Grid, Stack, Typography } from '@mui/material';
import {
  Labeled,
  ShowBase,
  TextField,
  Title,
  TopToolbar,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { EnumField, LocaleDateField, ResourceTitle, StatusChip, StatusField } from '../common';
import { formatDateTime } from '../common/LocaleDateField';
import { APPLICATION_LIST_FIELDS } from './ApplicationList';
import { DecisionButtons } from './DecisionButtons';
import { AgeField, ApplicantField } from './fields';
import { PayloadFields } from './PayloadFields';

interface ApplicationEvent {
  id: string;
  kind: string;
  actorLabel: string;
  note: string | null;
  at: string;
}

interface ApplicationRecord {
  id: string;
  kind: string;
  status: string;
  subjectName: string;
  payload: Record<string, never>;
  reason: string | null;
  reviewerName: string | null;
  events: ApplicationEvent[];
  earlierApplications: { id: string; status: string; reason: string | null; submittedAt: string; decidedAt: string | null; reviewerName: string | null }[];
}

const SHOW_FIELDS = [
  ...APPLICATION_LIST_FIELDS,
  'payload',
  'events',
  { earlierApplications: ['id', 'status', 'reason', 'submittedAt', 'decidedAt', 'reviewerName'] },
];

const Timeline = () => {
  const record = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const events = [...(record?.events ?? [])].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Stack spacing={0} data-testid="application-timeline">
      {events.map((e, i) => (
        <Box key={e.id} sx={{ display: 'flex', gap: 1.5 }}>
          <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center' }}>
            <Box sx={{ width: 10, height: 10, borderRadius: '50%', mt: 0.75, bgcolor: e.kind === 'REJECTED' ? 'error.main' : e.kind === 'APPROVED' ? 'success.main' : 'primary.main' }} />
            {i < events.length - 1 && <Box sx={{ flex: 1, width: 2, bgcolor: 'divider', my: 0.5 }} />}
          </Box>
          <Box sx={{ pb: 2 }}>
            <Typography variant="body2" fontWeight={600}>
              {translate(`mop.application_event.${e.kind}`)} · {e.actorLabel}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {formatDateTime(e.at, locale)}
            </Typography>
            {e.note && (
              <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>
                {e.note}
              </Typography>
            )}
          </Box>
        </Box>
      ))}
    </Stack>
  );
};

const EarlierApplications = () => {
  const record = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const earlier = record?.earlierApplications ?? [];
  if (!earlier.length) return <Typography color="text.secondary">{translate('mop.review.no_earlier')}</Typography>;
  return (
    <Stack spacing={1.5} data-testid="earlier-applications">
      {earlier.map((a) => (
        <Box key={a.id} sx={{ border: '1px solid', borderColor: 'divider', borderRadius: 2, p: 1.5 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 0.5 }}>
            <StatusChip status={a.status} />
            <Typography variant="body2" color="text.secondary" component={Link} to={`/Application/${a.id}/show`}>
              {formatDateTime(a.submittedAt, locale)}
            </Typography>
          </Box>
          {a.reason && (
            <Typography variant="body2" data-testid="earlier-reason">
              {translate('mop.onboarding.reason', { reason: a.reason })}
            </Typography>
          )}
          {a.reviewerName && (
            <Typography variant="caption" color="text.secondary">
              {a.reviewerName}
            </Typography>
          )}
        </Box>
      ))}
    </Stack>
  );
};

const Snapshot = () => {
  const record = useRecordContext<ApplicationRecord>();
  if (!record) return null;
  return <PayloadFields kind={record.kind} payload={record.payload} />;
};

const Decision = () => {
  const record = useRecordContext<ApplicationRecord>();
  const translate = useTranslate();
  if (!record || record.status === 'SUBMITTED') return null;
  return (
    <Alert severity={record.status === 'APPROVED' ? 'success' : record.status === 'REJECTED' ? 'error' : 'info'} sx={{ mb: 2 }} data-testid="application-decision">
      {translate(`mop.review.decided_${record.status}`, { reviewer: record.reviewerName ?? translate('mop.common.none') })}
      {record.reason && <> {translate('mop.onboarding.reason', { reason: record.reason })}</>}
    </Alert>
  );
};

/** One application: what was submitted, by whom, what happened so far, and the decision buttons. */
export const ApplicationShow = () => {
  const translate = useTranslate();
  return (
    <ShowBase queryOptions={{ meta: { sparseFields: SHOW_FIELDS } }}>
      <Box sx={{ mt: 1 }} data-testid="application-show">
        <Title title={<ResourceTitle source="subjectName" />} />
        <TopToolbar sx={{ justifyContent: 'flex-end' }}>
          <DecisionButtons />
        </TopToolbar>
        <Decision />
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, lg: 7 }}>
            <Card>
              <CardHeader title={translate('mop.review.snapshot')} subheader={<EnumField source="kind" prefix="mop.application_kind" />} />
              <CardContent sx={{ pt: 0 }}>
                <Snapshot />
              </CardContent>
            </Card>
          </Grid>
          <Grid size={{ xs: 12, lg: 5 }}>
            <Stack spacing={2}>
              <Card>
                <CardHeader title={translate('mop.review.overview')} />
                <CardContent sx={{ pt: 0, display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1 }}>
                  <Labeled label="resources.Application.fields.status">
                    <Box sx={{ display: 'flex' }}>
                      <StatusField source="status" />
                    </Box>
                  </Labeled>
                  <Labeled label="resources.Application.fields.ageHours">
                    <AgeField />
                  </Labeled>
                  <Labeled label="resources.Application.fields.applicantName">
                    <ApplicantField />
                  </Labeled>
                  <Labeled label="resources.Application.fields.submittedAt">
                    <LocaleDateField source="submittedAt" />
                  </Labeled>
                  <Labeled label="resources.Application.fields.subjectName">
                    <TextField source="subjectName" />
                  </Labeled>
                  <Labeled label="resources.Application.fields.decidedAt">
                    <LocaleDateField source="decidedAt" emptyText="—" />
                  </Labeled>
                </CardContent>
              </Card>
              <Card>
                <CardHeader title={translate('mop.review.timeline')} />
                <CardContent sx={{ pt: 0 }}>
                  <Timeline />
                </CardContent>
              </Card>
              <Card>
                <CardHeader title={translate('mop.review.earlier')} />
                <CardContent sx={{ pt: 0 }}>
                  <EarlierApplications />
                </CardContent>
              </Card>
            </Stack>
          </Grid>
        </Grid>
      </Box>
    </ShowBase>
  );
};
