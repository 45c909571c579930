import { Box, Grid } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Loading, Title, useTranslate } from 'react-admin';
import { loadMe } from '../session';
import { PasswordChange } from './PasswordChange';
import { ProfileDetails } from './ProfileDetails';
import { SessionList } from './SessionList';

export const ProfilePage = () => {
  const translate = useTranslate();
  const { data: me } = useQuery({ queryKey: ['mop', 'me', 'profile'], queryFn: loadMe });
  return (
    <Box sx={{ mt: 1 }} data-testid="profile-page">
      <Title title={translate('mop.profile.title')} />
      {!me ? (
        <Loading />
      ) : (
        <Grid container spacing={3}>
          <Grid size={{ xs: 12, md: 6 }}>
            <ProfileDetails me={me} />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <PasswordChange />
          </Grid>
          <Grid size={12}>
            <SessionList />
          </Grid>
        </Grid>
      )}
    </Box>
  );
};
