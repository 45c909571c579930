import GroupAddOutlined from '@mui/icons-material/GroupAddOutlined';
import { Alert, Box, Button, CircularProgress, Tab, Tabs, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { formatDateTime } from '../common/LocaleDateField';
import { errorMessageKey, toApiError } from '../errors';
import { toConsoleLocale } from '../i18n';
import { useWorkspaceName } from '../layout/WorkspaceLabel';
import { PublicCard, PublicShell } from '../login/PublicShell';
import { SignUpForm } from '../login/SignUpPage';
import { acceptInvitation, loadMe, login, logout, type Me } from '../session';
import { invitationPreview, type InvitationPreview } from './invitationApi';

const sameEmail = (a: string | undefined, b: string | undefined) => Boolean(a && b && a.trim().toLowerCase() === b.trim().toLowerCase());

/**
 * Public: `/#/invitations/accept?token=…`. Shows the invitation, lets the invitee sign in or sign up
 * with the invited email, accepts it, and opens the console in the new workspace.
 */
export const AcceptInvitationPage = () => {
  const translate = useTranslate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const preview = useQuery({ queryKey: ['mop', 'invitation-preview', token], queryFn: () => invitationPreview(token), enabled: Boolean(token), retry: false });
  const me = useQuery({ queryKey: ['mop', 'invitation-me'], queryFn: () => loadMe().catch(() => null), retry: false });

  return (
    <PublicShell maxWidth={480} testId="accept-invitation-page">
      <PublicCard>
        <Box sx={{ width: 44, height: 44, borderRadius: '50%', bgcolor: 'rgba(31,58,95,0.08)', display: 'flex', alignItems: 'center', justifyContent: 'center', mb: 2 }}>
          <GroupAddOutlined color="primary" />
        </Box>
        {!token || preview.isError ? (
          <Alert severity="error" data-testid="invitation-invalid">
            {translate('mop.accept.invalid')}
          </Alert>
        ) : preview.isPending || me.isPending ? (
          <CircularProgress size={24} />
        ) : (
          <AcceptInvitation token={token} preview={preview.data} me={me.data ?? null} onSignedOut={() => me.refetch()} />
        )}
      </PublicCard>
    </PublicShell>
  );
};

const AcceptInvitation = ({ token, preview, me, onSignedOut }: { token: string; preview: InvitationPreview; me: Me | null; onSignedOut: () => void }) => {
  const translate = useTranslate();
  const [locale, setLocale] = useLocaleState();
  const workspaceName = useWorkspaceName();
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<'signin' | 'signup'>('signup');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = workspaceName({ kind: preview.kind, name: preview.workspaceName } as never);
  const role = translate(`mop.roles.${preview.role}`);

  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      const joined = await acceptInvitation(token);
      setLocale(toConsoleLocale(joined.locale));
      // Every cached answer (auth state, permissions, lists) belonged to the previous state.
      queryClient.removeQueries();
      navigate('/', { replace: true });
      await queryClient.invalidateQueries();
      notify('mop.accept.accepted', { type: 'success', messageArgs: { name } });
    } catch (err) {
      setError(errorMessageKey(toApiError(err).code));
      setBusy(false);
    }
  };

  const header = (
    <>
      <Typography variant="h5" component="h1" data-testid="invitation-title">
        {translate('mop.accept.title', { workspace: name })}
      </Typography>
      <Typography color="text.secondary" sx={{ mt: 1 }} data-testid="invitation-preview">
        {translate('mop.accept.text', { email: preview.email, workspace: name, role })}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, mb: 2 }}>
        {translate('mop.accept.expires', { time: formatDateTime(preview.expiresAt, locale) })}
      </Typography>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="accept-error">
          {translate(error)}
        </Alert>
      )}
    </>
  );

  if (preview.status !== 'PENDING') {
    return (
      <>
        {header}
        <Alert severity="warning" data-testid="invitation-not-pending">
          {translate('mop.accept.not_pending', { status: translate(`mop.status.${preview.status}`) })}
        </Alert>
      </>
    );
  }

  if (me) {
    const matches = sameEmail(me.email, preview.email);
    return (
      <>
        {header}
        <Alert severity={matches ? 'info' : 'warning'} sx={{ mb: 2 }}>
          {translate(matches ? 'mop.accept.signed_in_as' : 'mop.accept.wrong_account', { email: me.email, invited: preview.email })}
        </Alert>
        <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end' }}>
          <Button
            color="inherit"
            disabled={busy}
            data-testid="accept-switch-account"
            onClick={async () => {
              await logout().catch(() => undefined);
              onSignedOut();
            }}
          >
            {translate('mop.accept.switch_account')}
          </Button>
          <Button variant="contained" disabled={busy || !matches} onClick={accept} data-testid="accept-invitation">
            {translate('mop.accept.accept')}
          </Button>
        </Box>
      </>
    );
  }

  return (
    <>
      {header}
      <Tabs value={tab} onChange={(_e, v) => setTab(v)} sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}>
        <Tab value="signup" label={translate('mop.accept.new_account')} data-testid="accept-tab-signup" />
        <Tab value="signin" label={translate('mop.accept.have_account')} data-testid="accept-tab-signin" />
      </Tabs>
      {tab === 'signup' ? (
        <SignUpForm email={preview.email} submitLabel="mop.accept.sign_up_and_accept" onSignedUp={accept} />
      ) : (
        <SignInAndAccept email={preview.email} onSignedIn={accept} />
      )}
    </>
  );
};

const SignInAndAccept = ({ email, onSignedIn }: { email: string; onSignedIn: () => Promise<void> }) => {
  const translate = useTranslate();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email, password);
    } catch (err) {
      const code = toApiError(err).code;
      setError(code === 'UNAUTHENTICATED' || code === 'BAD_USER_INPUT' ? 'mop.login.failed' : errorMessageKey(code));
      setBusy(false);
      return;
    }
    await onSignedIn();
    setBusy(false);
  };
  return (
    <Box component="form" onSubmit={submit} noValidate>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="accept-login-error">
          {translate(error)}
        </Alert>
      )}
      <TextField label={translate('mop.login.email')} value={email} disabled fullWidth margin="dense" />
      <TextField
        label={translate('mop.login.password')}
        type="password"
        autoComplete="current-password"
        autoFocus
        fullWidth
        margin="dense"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        slotProps={{ htmlInput: { 'data-testid': 'accept-password' } }}
      />
      <Button type="submit" variant="contained" size="large" fullWidth disabled={busy || !password} sx={{ mt: 2 }} data-testid="accept-signin-submit">
        {translate('mop.accept.sign_in_and_accept')}
      </Button>
    </Box>
  );
};
