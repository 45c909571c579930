import AssignmentOutlined from '@mui/icons-material/AssignmentOutlined';
import PersonOutline from '@mui/icons-material/PersonOutline';
import { Box, ListItemIcon, ListItemText, MenuItem, Typography } from '@mui/material';
import { forwardRef } from 'react';
import { AppBar as RaAppBar, LoadingIndicator, Logout, TitlePortal, UserMenu, useTranslate, useUserMenu } from 'react-admin';
import { Link } from 'react-router-dom';
import { LanguageSwitcher } from './LanguageSwitcher';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

const ProfileMenuItem = forwardRef<HTMLAnchorElement>((_props, ref) => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem component={Link} to="/profile" ref={ref} onClick={() => userMenu?.onClose()} data-testid="user-menu-profile">
      <ListItemIcon>
        <PersonOutline fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('mop.menu.profile')}</ListItemText>
    </MenuItem>
  );
});
ProfileMenuItem.displayName = 'ProfileMenuItem';

/** The onboarding page stays reachable: apply for another merchant or provider, follow the review. */
const ApplicationsMenuItem = forwardRef<HTMLAnchorElement>((_props, ref) => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem component={Link} to="/onboarding" ref={ref} onClick={() => userMenu?.onClose()} data-testid="user-menu-applications">
      <ListItemIcon>
        <AssignmentOutlined fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('mop.menu.my_applications')}</ListItemText>
    </MenuItem>
  );
});
ApplicationsMenuItem.displayName = 'ApplicationsMenuItem';

export const Brand = ({ inverted = false, hideOnPhone = false }: { inverted?: boolean; hideOnPhone?: boolean }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: hideOnPhone ? { xs: 'none', sm: 'flex' } : 'flex', alignItems: 'center', gap: 1, mr: 2 }}>
      <Box
        component="svg"
        viewBox="0 0 32 32"
        sx={{ width: 28, height: 28, flexShrink: 0 }}
        aria-hidden
      >
        <rect width="32" height="32" rx="7" fill={inverted ? '#ffffff' : '#1f3a5f'} />
        <path d="M8 22V10l8 7 8-7v12" stroke={inverted ? '#1f3a5f' : '#ffffff'} strokeWidth="3" fill="none" strokeLinejoin="round" />
      </Box>
      <Typography variant="subtitle1" fontWeight={700} noWrap sx={{ display: { xs: 'none', md: 'block' } }}>
        {translate('mop.app.short_name')}
      </Typography>
    </Box>
  );
};

export const AppBar = () => (
  <RaAppBar
    color="inherit"
    toolbar={
      <>
        <WorkspaceSwitcher />
        <LanguageSwitcher />
        <LoadingIndicator />
      </>
    }
    userMenu={
      <UserMenu>
        <ProfileMenuItem />
        <ApplicationsMenuItem />
        <Logout />
      </UserMenu>
    }
  >
    {/* On a phone the page's title matters more than the logo. */}
    <Brand hideOnPhone />
    <Box sx={{ width: '1px', height: 24, bgcolor: 'divider', mr: 2, display: { xs: 'none', md: 'block' } }} />
    <TitlePortal variant="subtitle1" sx={{ fontWeight: 600 }} />
  </RaAppBar>
);
