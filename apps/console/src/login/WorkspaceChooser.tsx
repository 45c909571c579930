import ChevronRight from '@mui/icons-material/ChevronRight';
import { Alert, Avatar, Box, Button, Card, CardContent, List, ListItemAvatar, ListItemButton, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useLogout, useTranslate } from 'react-admin';
import { Brand } from '../layout/AppBar';
import { LanguageSwitcher } from '../layout/LanguageSwitcher';
import { useSwitchWorkspace } from '../layout/useSwitchWorkspace';
import { WorkspaceIcon, useWorkspaceName } from '../layout/WorkspaceLabel';
import { loadMe } from '../session';

/** Asked after sign-in when the user belongs to several workspaces and none is active yet. */
export const WorkspaceChooser = () => {
  const translate = useTranslate();
  const logout = useLogout();
  const workspaceName = useWorkspaceName();
  const { data: me } = useQuery({ queryKey: ['mop', 'me', 'chooser'], queryFn: loadMe });
  const { switchTo, pending } = useSwitchWorkspace();
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default', display: 'flex', flexDirection: 'column' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', px: 3, py: 2 }}>
        <Brand />
        <LanguageSwitcher />
      </Box>
      <Box sx={{ flex: 1, display: 'flex', justifyContent: 'center', alignItems: 'flex-start', pt: { xs: 2, md: 10 }, px: 2 }}>
        <Card sx={{ width: '100%', maxWidth: 520 }} data-testid="workspace-chooser">
          <CardContent sx={{ p: 4 }}>
            <Typography variant="h5" component="h1" gutterBottom>
              {translate('mop.workspace.choose_title')}
            </Typography>
            {me && me.workspaces.length === 0 ? (
              <Alert severity="info" sx={{ mt: 2 }}>
                <strong>{translate('mop.workspace.no_workspace_title')}</strong> — {translate('mop.workspace.no_workspace_text')}
              </Alert>
            ) : (
              <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                {translate('mop.workspace.choose_subtitle')}
              </Typography>
            )}
            <List disablePadding>
              {me?.workspaces.map((w) => (
                <ListItemButton
                  key={w.membershipId}
                  disabled={pending}
                  onClick={() => switchTo(w.membershipId)}
                  data-testid={`choose-workspace-${w.membershipId}`}
                  data-workspace-kind={w.kind}
                  sx={{ border: '1px solid', borderColor: 'divider', borderRadius: 2, mb: 1.5, py: 1.5 }}
                >
                  <ListItemAvatar>
                    <Avatar sx={{ bgcolor: 'rgba(31,58,95,0.08)', color: 'primary.main' }}>
                      <WorkspaceIcon kind={w.kind} />
                    </Avatar>
                  </ListItemAvatar>
                  <ListItemText
                    primary={<Typography fontWeight={600}>{workspaceName(w)}</Typography>}
                    secondary={`${translate(`mop.workspace.kind.${w.kind}`)} · ${translate(`mop.roles.${w.role}`)}`}
                  />
                  <ChevronRight color="action" />
                </ListItemButton>
              ))}
            </List>
            <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 1 }}>
              <Button onClick={() => logout()} color="inherit">
                {translate('mop.menu.logout')}
              </Button>
            </Box>
          </CardContent>
        </Card>
      </Box>
    </Box>
  );
};
