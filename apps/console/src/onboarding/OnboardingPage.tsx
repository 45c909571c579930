import AddBusinessOutlined from '@mui/icons-material/AddBusinessOutlined';
import ArrowForward from '@mui/icons-material/ArrowForward';
import HandshakeOutlined from '@mui/icons-material/HandshakeOutlined';
import RefreshIcon from '@mui/icons-material/Refresh';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Card,
  CardActionArea,
  CardContent,
  CardHeader,
  Chip,
  Grid,
  List,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { StatusChip } from '../common';
import { formatDateTime } from '../common/LocaleDateField';
import { useApiAction } from '../common/useApiAction';
import { useSwitchWorkspace } from '../layout/useSwitchWorkspace';
import { WorkspaceIcon, useWorkspaceName } from '../layout/WorkspaceLabel';
import { PublicShell } from '../login/PublicShell';
import { reloadMe } from '../session';
import { myApplications, resubmittable, withdrawApplication, type MyApplication } from './applicationApi';
import { MerchantApplicationForm, ProviderApplicationForm } from './ApplicationForms';

type Editing = { kind: 'MERCHANT' | 'PROVIDER'; rejected?: MyApplication } | null;

/**
 * Where a user without a workspace lands: apply as a merchant or a provider, follow the review,
 * correct and resubmit after a rejection, and open the workspace once approved.
 */
export const OnboardingPage = () => {
  const translate = useTranslate();
  const [editing, setEditing] = useState<Editing>(null);
  // Approval adds a workspace to `me`: fetch it afresh with the applications, and keep polling.
  const me = useQuery({ queryKey: ['mop', 'onboarding', 'me'], queryFn: reloadMe, refetchInterval: 15_000 });
  const applications = useQuery({ queryKey: ['mop', 'onboarding', 'applications'], queryFn: myApplications, refetchInterval: 15_000 });
  const refresh = () => Promise.all([me.refetch(), applications.refetch()]);

  const done = () => {
    setEditing(null);
    void refresh();
    window.scrollTo({ top: 0 });
  };

  return (
    <PublicShell maxWidth={880} testId="onboarding-page" signedInAs={me.data?.email}>
      <Box sx={{ mb: 3 }}>
        <Typography variant="h4" component="h1">
          {translate(editing ? (editing.rejected ? 'mop.onboarding.resubmit_title' : `mop.onboarding.form_title_${editing.kind}`) : 'mop.onboarding.title')}
        </Typography>
        <Typography color="text.secondary" sx={{ mt: 0.5 }}>
          {translate(editing ? 'mop.onboarding.form_subtitle' : 'mop.onboarding.subtitle', { name: me.data?.displayName ?? '' })}
        </Typography>
      </Box>
      {editing ? (
        <Card>
          <CardContent sx={{ p: { xs: 2, md: 3 } }}>
            {editing.rejected?.reason && (
              <Alert severity="error" sx={{ mb: 3 }} data-testid="resubmit-reason">
                <AlertTitle>{translate('mop.onboarding.rejected_title')}</AlertTitle>
                {editing.rejected.reason}
              </Alert>
            )}
            {editing.kind === 'MERCHANT' ? (
              <MerchantApplicationForm
                defaults={editing.rejected?.payload as never}
                rejectedId={editing.rejected?.id}
                onDone={done}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <ProviderApplicationForm
                defaults={editing.rejected?.payload as never}
                rejectedId={editing.rejected?.id}
                onDone={done}
                onCancel={() => setEditing(null)}
              />
            )}
          </CardContent>
        </Card>
      ) : (
        <Stack spacing={3}>
          {me.data && me.data.workspaces.length > 0 && <WorkspaceCard workspaces={me.data.workspaces} />}
          <ApplicationsCard
            applications={applications.data}
            loading={applications.isPending}
            onRefresh={refresh}
            onResubmit={(a) => setEditing({ kind: a.kind === 'PROVIDER_ONBOARDING' ? 'PROVIDER' : 'MERCHANT', rejected: a })}
          />
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, sm: 6 }}>
              <ApplyCard kind="MERCHANT" onClick={() => setEditing({ kind: 'MERCHANT' })} />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <ApplyCard kind="PROVIDER" onClick={() => setEditing({ kind: 'PROVIDER' })} />
            </Grid>
          </Grid>
        </Stack>
      )}
    </PublicShell>
  );
};

const ApplyCard = ({ kind, onClick }: { kind: 'MERCHANT' | 'PROVIDER'; onClick: () => void }) => {
  const translate = useTranslate();
  return (
    <Card sx={{ height: '100%' }}>
      {/* Top-aligned: the two cards keep their icons and titles level whatever the text's length. */}
      <CardActionArea
        onClick={onClick}
        sx={{ height: '100%', p: 1, display: 'flex', flexDirection: 'column', alignItems: 'stretch', justifyContent: 'flex-start' }}
        data-testid={`apply-${kind.toLowerCase()}`}
      >
        <CardContent>
          <Box
            sx={{ width: 44, height: 44, borderRadius: '50%', bgcolor: 'rgba(31,58,95,0.08)', display: 'flex', alignItems: 'center', justifyContent: 'center' }}
            data-testid={`apply-${kind.toLowerCase()}-icon`}
          >
            {kind === 'MERCHANT' ? <AddBusinessOutlined color="primary" /> : <HandshakeOutlined color="primary" />}
          </Box>
          <Typography variant="h6" sx={{ mt: 1.5 }}>
            {translate(`mop.onboarding.apply_${kind}`)}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate(`mop.onboarding.apply_${kind}_text`)}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

const WorkspaceCard = ({ workspaces }: { workspaces: { membershipId: string; kind: 'PLATFORM' | 'MERCHANT' | 'PROVIDER'; name: string; role: string }[] }) => {
  const translate = useTranslate();
  const workspaceName = useWorkspaceName();
  const { switchTo, pending } = useSwitchWorkspace();
  return (
    <Card sx={{ borderColor: 'success.main' }} data-testid="onboarding-workspaces">
      <CardHeader title={translate('mop.onboarding.workspaces_title')} subheader={translate('mop.onboarding.workspaces_subtitle')} />
      <CardContent sx={{ pt: 0 }}>
        <Stack spacing={1}>
          {workspaces.map((w) => (
            <Box key={w.membershipId} sx={{ display: 'flex', alignItems: 'center', gap: 1.5, p: 1.5, border: '1px solid', borderColor: 'divider', borderRadius: 2 }}>
              <WorkspaceIcon kind={w.kind} />
              <Box sx={{ flex: 1 }}>
                <Typography fontWeight={600}>{workspaceName(w as never)}</Typography>
                <Typography variant="body2" color="text.secondary">
                  {translate(`mop.workspace.kind.${w.kind}`)} · {translate(`mop.roles.${w.role}`)}
                </Typography>
              </Box>
              <Button
                variant="contained"
                endIcon={<ArrowForward />}
                disabled={pending}
                onClick={() => switchTo(w.membershipId)}
                data-testid={`open-workspace-${w.membershipId}`}
                data-workspace-name={w.name}
              >
                {translate('mop.onboarding.open_workspace')}
              </Button>
            </Box>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
};

const ApplicationsCard = ({
  applications,
  loading,
  onRefresh,
  onResubmit,
}: {
  applications: MyApplication[] | undefined;
  loading: boolean;
  onRefresh: () => Promise<unknown>;
  onResubmit: (application: MyApplication) => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { busy, run } = useApiAction();
  const correctable = resubmittable(applications ?? []);

  const withdraw = async (id: string) => {
    await run(() => withdrawApplication(id), {
      successMessage: 'mop.onboarding.withdrawn',
      successType: 'info',
      onSuccess: async () => {
        await onRefresh();
      },
      refresh: false,
    });
  };

  return (
    <Card data-testid="my-applications">
      <CardHeader
        title={translate('mop.onboarding.applications_title')}
        subheader={translate('mop.onboarding.applications_subtitle')}
        action={
          <Button
            startIcon={<RefreshIcon />}
            disabled={busy}
            onClick={() => run(onRefresh, { refresh: false })}
            data-testid="onboarding-refresh"
          >
            {translate('mop.onboarding.refresh')}
          </Button>
        }
      />
      <CardContent sx={{ pt: 0 }}>
        {!loading && (applications ?? []).length === 0 && (
          <Typography color="text.secondary" data-testid="no-applications">
            {translate('mop.onboarding.no_applications')}
          </Typography>
        )}
        <List disablePadding>
          {(applications ?? []).map((a) => (
            <ListItem
              key={a.id}
              data-testid={`my-application-${a.id}`}
              data-status={a.status}
              data-kind={a.kind}
              sx={{ display: 'block', border: '1px solid', borderColor: 'divider', borderRadius: 2, mb: 1.5, px: 2, py: 1.5 }}
            >
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                <ListItemText
                  sx={{ m: 0, flex: 1, minWidth: 200 }}
                  primary={<Typography fontWeight={600}>{a.subjectName}</Typography>}
                  secondary={`${translate(`mop.application_kind.${a.kind}`)} · ${translate('mop.onboarding.submitted_at', { time: formatDateTime(a.submittedAt, locale) })}`}
                />
                <StatusChip status={a.status} />
                {a.status === 'SUBMITTED' && (
                  <Button size="small" color="inherit" disabled={busy} onClick={() => withdraw(a.id)} data-testid="application-withdraw">
                    {translate('mop.onboarding.withdraw')}
                  </Button>
                )}
              </Box>
              {a.status === 'SUBMITTED' && (
                <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                  {translate('mop.onboarding.under_review')}
                </Typography>
              )}
              {a.status === 'APPROVED' && (
                <Typography variant="body2" color="success.main" sx={{ mt: 1 }}>
                  {translate('mop.onboarding.approved_text')}
                </Typography>
              )}
              {a.status === 'REJECTED' && (
                <Alert
                  severity="error"
                  sx={{ mt: 1.5 }}
                  action={
                    correctable.has(a.id) ? (
                      <Button color="inherit" size="small" onClick={() => onResubmit(a)} data-testid="application-resubmit">
                        {translate('mop.onboarding.resubmit')}
                      </Button>
                    ) : undefined
                  }
                >
                  <span data-testid="application-reason">{translate('mop.onboarding.reason', { reason: a.reason ?? translate('mop.common.none') })}</span>
                </Alert>
              )}
            </ListItem>
          ))}
        </List>
        {(applications ?? []).some((a) => a.status === 'SUBMITTED') && (
          <Chip size="small" variant="outlined" sx={{ mt: 1 }} label={translate('mop.onboarding.review_target')} />
        )}
      </CardContent>
    </Card>
  );
};
