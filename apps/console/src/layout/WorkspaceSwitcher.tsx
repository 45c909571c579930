import CheckIcon from '@mui/icons-material/Check';
import UnfoldMoreIcon from '@mui/icons-material/UnfoldMore';
import { Box, Button, Divider, ListItemIcon, ListItemText, ListSubheader, Menu, MenuItem, Typography } from '@mui/material';
import { useState } from 'react';
import { useGetIdentity, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { loadMe } from '../session';
import { useSwitchWorkspace } from './useSwitchWorkspace';
import { WorkspaceIcon, useWorkspaceName } from './WorkspaceLabel';

/** Shows the active workspace and role; switches to any other membership at once. */
export const WorkspaceSwitcher = () => {
  const translate = useTranslate();
  const workspaceName = useWorkspaceName();
  const { identity } = useGetIdentity();
  const { data: me } = useQuery({ queryKey: ['mop', 'me', identity?.id], queryFn: loadMe, enabled: Boolean(identity) });
  const { switchTo, pending } = useSwitchWorkspace();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (!me) return null;
  const active = me.activeWorkspace;
  const several = me.workspaces.length > 1;
  return (
    <>
      <Button
        color="inherit"
        onClick={several ? (e) => setAnchor(e.currentTarget) : undefined}
        disabled={pending}
        endIcon={several ? <UnfoldMoreIcon fontSize="small" /> : undefined}
        data-testid="workspace-switcher"
        title={translate('mop.workspace.switch')}
        // On a phone the AppBar is narrow: the name shortens with an ellipsis rather than overflow.
        sx={{ mx: { xs: 0.5, sm: 1 }, px: { xs: 1, sm: 1.5 }, minWidth: 0, maxWidth: { xs: 128, sm: 280 }, border: '1px solid', borderColor: 'divider', borderRadius: 2, textAlign: 'left', cursor: several ? 'pointer' : 'default' }}
      >
        {active && <WorkspaceIcon kind={active.kind} />}
        <Box sx={{ ml: 1, minWidth: 0, display: 'flex', flexDirection: 'column', lineHeight: 1.1 }}>
          <Typography variant="body2" fontWeight={600} noWrap data-testid="active-workspace-name">
            {workspaceName(active)}
          </Typography>
          {active && (
            <Typography variant="caption" color="text.secondary" noWrap data-testid="active-workspace-role" sx={{ display: { xs: 'none', sm: 'block' } }}>
              {translate(`mop.roles.${active.role}`)}
            </Typography>
          )}
        </Box>
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <ListSubheader sx={{ lineHeight: '32px' }}>{translate('mop.workspace.switch')}</ListSubheader>
        <Divider />
        {me.workspaces.map((w) => {
          const isActive = w.membershipId === active?.membershipId;
          return (
            <MenuItem
              key={w.membershipId}
              selected={isActive}
              data-testid={`workspace-option-${w.membershipId}`}
              onClick={() => {
                setAnchor(null);
                if (!isActive) void switchTo(w.membershipId);
              }}
            >
              <ListItemIcon>
                <WorkspaceIcon kind={w.kind} />
              </ListItemIcon>
              <ListItemText
                primary={workspaceName(w)}
                secondary={`${translate(`mop.workspace.kind.${w.kind}`)} · ${translate(`mop.roles.${w.role}`)}`}
              />
              {isActive && <CheckIcon fontSize="small" sx={{ ml: 2 }} color="primary" />}
            </MenuItem>
          );
        })}
      </Menu>
    </>
  );
};
