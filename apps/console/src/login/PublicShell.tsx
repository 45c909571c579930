import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useLogout, useTranslate } from 'react-admin';
import { Brand } from '../layout/AppBar';
import { LanguageSwitcher } from '../layout/LanguageSwitcher';

/** The frame of the pages shown outside the console's layout: sign-up, onboarding, invitations. */
export const PublicShell = ({
  children,
  maxWidth = 560,
  testId,
  signedInAs,
}: {
  children: ReactNode;
  maxWidth?: number;
  testId?: string;
  /** the signed-in user's email: shows it with a sign-out button */
  signedInAs?: string;
}) => {
  const translate = useTranslate();
  const logout = useLogout();
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default', display: 'flex', flexDirection: 'column' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', px: 3, py: 2, gap: 1 }}>
        <Brand />
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          {signedInAs && (
            <>
              <Typography variant="body2" color="text.secondary" data-testid="signed-in-as" sx={{ display: { xs: 'none', sm: 'block' } }}>
                {signedInAs}
              </Typography>
              <Button color="inherit" onClick={() => logout()} data-testid="public-logout">
                {translate('mop.menu.logout')}
              </Button>
            </>
          )}
          <LanguageSwitcher />
        </Box>
      </Box>
      <Box sx={{ flex: 1, display: 'flex', justifyContent: 'center', alignItems: 'flex-start', pt: { xs: 2, md: 6 }, pb: 6, px: 2 }}>
        <Box sx={{ width: '100%', maxWidth }} data-testid={testId}>
          {children}
        </Box>
      </Box>
    </Box>
  );
};

export const PublicCard = ({ children }: { children: ReactNode }) => (
  <Card>
    <CardContent sx={{ p: { xs: 3, md: 4 } }}>{children}</CardContent>
  </Card>
);
