import CheckCircleOutline from '@mui/icons-material/CheckCircleOutline';
import LockOutlined from '@mui/icons-material/LockOutlined';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Link, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useLocaleState, useLogin, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { SIGN_UP_PATH } from '../authProvider';
import { errorMessageKey, toApiError } from '../errors';
import { toConsoleLocale } from '../i18n';
import { Brand } from '../layout/AppBar';
import { LanguageSwitcher } from '../layout/LanguageSwitcher';
import { loadMe } from '../session';

/** The branded, bilingual sign-in page; the profile's language is applied once signed in. */
export const LoginPage = () => {
  const translate = useTranslate();
  const login = useLogin();
  const [, setLocale] = useLocaleState();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setLoading(true);
    try {
      await login({ email: email.trim(), password });
      const me = await loadMe();
      setLocale(toConsoleLocale(me.locale));
    } catch (err) {
      const apiError = toApiError(err);
      setError(apiError.code === 'UNAUTHENTICATED' || apiError.code === 'BAD_USER_INPUT' ? 'mop.login.failed' : errorMessageKey(apiError.code));
      setLoading(false);
    }
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', bgcolor: 'background.default' }}>
      <Box
        sx={{
          flex: 1,
          display: { xs: 'none', md: 'flex' },
          flexDirection: 'column',
          justifyContent: 'space-between',
          p: 6,
          color: '#fff',
          background: 'linear-gradient(145deg, #132640 0%, #1f3a5f 55%, #14807a 130%)',
        }}
      >
        <Box sx={{ color: '#fff' }}>
          <Brand inverted />
        </Box>
        <Box sx={{ maxWidth: 520 }}>
          <Typography variant="h4" sx={{ mb: 3, lineHeight: 1.3 }}>
            {translate('mop.login.hero_title')}
          </Typography>
          <Stack spacing={1.5}>
            {['hero_point_1', 'hero_point_2', 'hero_point_3'].map((key) => (
              <Stack key={key} direction="row" spacing={1.5} alignItems="center">
                <CheckCircleOutline sx={{ color: '#7fd6cf' }} />
                <Typography sx={{ opacity: 0.92 }}>{translate(`mop.login.${key}`)}</Typography>
              </Stack>
            ))}
          </Stack>
        </Box>
        <Typography variant="body2" sx={{ opacity: 0.6 }}>
          {translate('mop.login.footer')}
        </Typography>
      </Box>
      <Box sx={{ flex: { xs: 1, md: '0 0 520px' }, display: 'flex', flexDirection: 'column' }}>
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', p: 2 }}>
          <LanguageSwitcher />
        </Box>
        <Box sx={{ flex: 1, display: 'flex', alignItems: 'center', justifyContent: 'center', px: 3, pb: 8 }}>
          <Card sx={{ width: '100%', maxWidth: 400 }} elevation={0}>
            <CardContent sx={{ p: 4 }}>
              <Box sx={{ display: { md: 'none' }, mb: 3 }}>
                <Brand />
              </Box>
              <Box sx={{ width: 44, height: 44, borderRadius: '50%', bgcolor: 'rgba(31,58,95,0.08)', display: 'flex', alignItems: 'center', justifyContent: 'center', mb: 2 }}>
                <LockOutlined color="primary" />
              </Box>
              <Typography variant="h5" component="h1" data-testid="login-title">
                {translate('mop.login.title')}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }}>
                {translate('mop.login.subtitle')}
              </Typography>
              {error && (
                <Alert severity="error" sx={{ mb: 2 }} data-testid="login-error">
                  {translate(error)}
                </Alert>
              )}
              <Box component="form" onSubmit={submit} noValidate>
                <TextField
                  label={translate('mop.login.email')}
                  type="email"
                  autoComplete="username"
                  autoFocus
                  fullWidth
                  required
                  margin="normal"
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                  slotProps={{ htmlInput: { 'data-testid': 'login-email' } }}
                />
                <TextField
                  label={translate('mop.login.password')}
                  type="password"
                  autoComplete="current-password"
                  fullWidth
                  required
                  margin="normal"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  slotProps={{ htmlInput: { 'data-testid': 'login-password' } }}
                />
                <Button
                  type="submit"
                  variant="contained"
                  size="large"
                  fullWidth
                  disabled={loading || !email || !password}
                  sx={{ mt: 3, py: 1.25 }}
                  data-testid="login-submit"
                  startIcon={loading ? <CircularProgress size={18} color="inherit" /> : undefined}
                >
                  {translate(loading ? 'mop.login.signing_in' : 'mop.login.submit')}
                </Button>
              </Box>
              <Typography variant="body2" color="text.secondary" sx={{ mt: 3, textAlign: 'center' }}>
                {translate('mop.login.no_account')}{' '}
                <Link component={RouterLink} to={SIGN_UP_PATH} data-testid="sign-up-link">
                  {translate('mop.login.sign_up')}
                </Link>
              </Typography>
            </CardContent>
          </Card>
        </Box>
      </Box>
    </Box>
  );
};
