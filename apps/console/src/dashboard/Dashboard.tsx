import ArrowForward from '@mui/icons-material/ArrowForward';
import { Avatar, Box, Card, CardContent, CardHeader, Chip, Grid, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Subjects, type Action } from '@mop/shared';
import { useMemo } from 'react';
import { Title, useGetIdentity, useResourceDefinitions, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { StatusChip } from '../common';
import { WorkspaceIcon, useWorkspaceName } from '../layout/WorkspaceLabel';
import { buildAbility } from '../permissions';
import { loadMe } from '../session';

const SHOWN_ACTIONS: Action[] = ['read', 'create', 'update', 'delete', 'disable', 'revoke', 'adjustBudget', 'claim', 'lookup', 'redeem', 'reverse', 'replay'];

/** The welcome page: where the user is acting, as whom, and what that role may do here. */
export const Dashboard = () => {
  const translate = useTranslate();
  const workspaceName = useWorkspaceName();
  const definitions = useResourceDefinitions();
  const { identity } = useGetIdentity();
  const { data: me } = useQuery({ queryKey: ['mop', 'me', 'dashboard', identity?.id], queryFn: loadMe });
  const capabilities = useMemo(() => {
    if (!me) return [];
    const ability = buildAbility(me.permissions);
    // Self-service rules (one's own profile and sessions) are not workspace capabilities: list only
    // what the workspace lets the user see.
    return Subjects.filter((subject) => ability.can('read', subject)).map((subject) => ({
      subject,
      actions: ability.can('manage', subject) ? (['manage'] as Action[]) : SHOWN_ACTIONS.filter((a) => ability.can(a, subject)),
    }));
  }, [me]);
  if (!me) return null;
  const active = me.activeWorkspace;
  const others = me.workspaces.filter((w) => w.membershipId !== active?.membershipId);

  return (
    <Box sx={{ mt: 1 }} data-testid="dashboard">
      <Title title={translate('mop.dashboard.title')} />
      <Card
        sx={{
          mb: 3,
          color: '#fff',
          border: 'none',
          background: 'linear-gradient(120deg, #1f3a5f 0%, #2b5079 60%, #14807a 140%)',
        }}
      >
        <CardContent sx={{ p: { xs: 3, md: 4 } }}>
          <Typography variant="h4" data-testid="dashboard-welcome">
            {translate('mop.dashboard.welcome', { name: me.displayName })}
          </Typography>
          {active && (
            <Typography sx={{ mt: 1, opacity: 0.9 }}>
              {translate('mop.dashboard.acting_in', {
                workspace: workspaceName(active),
                role: translate(`mop.roles.${active.role}`),
              })}
            </Typography>
          )}
        </CardContent>
      </Card>

      <Grid container spacing={3}>
        <Grid size={{ xs: 12, md: 5 }}>
          <Card sx={{ height: '100%' }}>
            <CardHeader
              avatar={
                <Avatar sx={{ bgcolor: 'rgba(31,58,95,0.08)', color: 'primary.main' }}>
                  {active && <WorkspaceIcon kind={active.kind} />}
                </Avatar>
              }
              title={<Typography variant="h6">{workspaceName(active)}</Typography>}
              subheader={translate('mop.workspace.current')}
            />
            {active && (
              <CardContent sx={{ pt: 0 }}>
                <Table size="small">
                  <TableBody>
                    <TableRow>
                      <TableCell sx={{ color: 'text.secondary', width: 120 }}>{translate('mop.dashboard.kind')}</TableCell>
                      <TableCell>{translate(`mop.workspace.kind.${active.kind}`)}</TableCell>
                    </TableRow>
                    <TableRow>
                      <TableCell sx={{ color: 'text.secondary' }}>{translate('mop.dashboard.role')}</TableCell>
                      <TableCell>
                        <Chip size="small" color="primary" label={translate(`mop.roles.${active.role}`)} data-testid="dashboard-role" />
                      </TableCell>
                    </TableRow>
                    {active.status && (
                      <TableRow>
                        <TableCell sx={{ color: 'text.secondary' }}>{translate('mop.dashboard.status')}</TableCell>
                        <TableCell>
                          <StatusChip status={active.status} />
                        </TableCell>
                      </TableRow>
                    )}
                  </TableBody>
                </Table>
                <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
                  {translate(`mop.role_descriptions.${active.role}`)}
                </Typography>
              </CardContent>
            )}
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 7 }}>
          <Card sx={{ height: '100%' }}>
            <CardHeader
              title={<Typography variant="h6">{translate('mop.dashboard.capabilities_title')}</Typography>}
              subheader={translate('mop.dashboard.capabilities_subtitle')}
            />
            <CardContent sx={{ pt: 0 }}>
              {capabilities.length === 0 ? (
                <Typography color="text.secondary">{translate('mop.dashboard.nothing_allowed')}</Typography>
              ) : (
                <Table size="small" data-testid="dashboard-capabilities">
                  <TableBody>
                    {capabilities.map(({ subject, actions }) => (
                      <TableRow key={subject} hover>
                        <TableCell sx={{ fontWeight: 600, width: '38%' }}>
                          {definitions[subject] && (actions.includes('read') || actions.includes('manage')) ? (
                            <Box component={Link} to={`/${subject}`} sx={{ color: 'primary.main', textDecoration: 'none', display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
                              {translate(`resources.${subject}.name`, { smart_count: 2, _: subject })}
                              <ArrowForward sx={{ fontSize: 14 }} />
                            </Box>
                          ) : (
                            translate(`resources.${subject}.name`, { smart_count: 2, _: subject })
                          )}
                        </TableCell>
                        <TableCell>
                          <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
                            {actions.map((a) => (
                              <Chip key={a} size="small" variant="outlined" label={translate(`mop.actions.${a}`)} />
                            ))}
                          </Stack>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </CardContent>
          </Card>
        </Grid>
        {others.length > 0 && (
          <Grid size={12}>
            <Card>
              <CardHeader title={<Typography variant="h6">{translate('mop.dashboard.other_workspaces')}</Typography>} />
              <CardContent sx={{ pt: 0 }}>
                <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
                  {others.map((w) => (
                    <Chip
                      key={w.membershipId}
                      icon={<WorkspaceIcon kind={w.kind} />}
                      label={`${workspaceName(w)} · ${translate(`mop.roles.${w.role}`)}`}
                      variant="outlined"
                    />
                  ))}
                </Stack>
              </CardContent>
            </Card>
          </Grid>
        )}
      </Grid>
    </Box>
  );
};
