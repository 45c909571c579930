import PersonAddOutlined from '@mui/icons-material/PersonAddOutlined';
import { Alert, Box, Button, CircularProgress, Link, TextField, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router-dom';
import { ACCEPT_INVITATION_PATH, ONBOARDING_PATH } from '../authProvider';
import { errorMessageKey, toApiError } from '../errors';
import { validateNewPassword } from '../profile/passwordRules';
import { signUp } from '../session';
import { PublicCard, PublicShell } from './PublicShell';

export interface SignUpFields {
  displayName: string;
  email: string;
  password: string;
  confirmPassword: string;
}

/** Checks before asking the server; each error is an i18n key, keyed by field. */
export function validateSignUp(input: SignUpFields): Partial<Record<keyof SignUpFields, string>> {
  const errors: Partial<Record<keyof SignUpFields, string>> = {};
  if (!input.displayName.trim()) errors.displayName = 'ra.validation.required';
  if (!input.email.trim()) errors.email = 'ra.validation.required';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email.trim())) errors.email = 'ra.validation.email';
  const password = validateNewPassword(input.password);
  if (password) errors.password = password;
  if (!input.confirmPassword) errors.confirmPassword = 'ra.validation.required';
  else if (input.confirmPassword !== input.password) errors.confirmPassword = 'mop.profile.password_mismatch';
  return errors;
}

/**
 * The account fields, shared by the public sign-up page and the invitation page (which fixes the email).
 * Resolves once the account exists and is signed in.
 */
export const SignUpForm = ({
  email: fixedEmail,
  submitLabel,
  onSignedUp,
}: {
  email?: string;
  submitLabel: string;
  onSignedUp: () => Promise<void> | void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [fields, setFields] = useState<SignUpFields>({ displayName: '', email: fixedEmail ?? '', password: '', confirmPassword: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof SignUpFields, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: keyof SignUpFields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: e.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const found = validateSignUp(fields);
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      await signUp({ email: fields.email.trim(), password: fields.password, displayName: fields.displayName.trim(), locale });
      await onSignedUp();
    } catch (err) {
      const apiError = toApiError(err);
      if (apiError.code === 'CONFLICT') setError('mop.signup.email_taken');
      else if (apiError.code === 'BAD_USER_INPUT' && apiError.field === 'password') setErrors({ password: 'mop.profile.password_too_simple' });
      else setError(errorMessageKey(apiError.code));
      setBusy(false);
    }
  };

  const field = (name: keyof SignUpFields, label: string, type: string, autoComplete: string, disabled = false) => (
    <TextField
      label={translate(label)}
      type={type}
      autoComplete={autoComplete}
      fullWidth
      required
      margin="dense"
      disabled={disabled}
      value={fields[name]}
      onChange={set(name)}
      error={Boolean(errors[name])}
      helperText={errors[name] ? translate(errors[name] as string) : name === 'password' ? translate('mop.profile.password_hint_short') : ' '}
      slotProps={{ htmlInput: { 'data-testid': `signup-${name}` } }}
    />
  );

  return (
    <Box component="form" onSubmit={submit} noValidate>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="signup-error">
          {translate(error)}
        </Alert>
      )}
      {field('displayName', 'mop.signup.display_name', 'text', 'name')}
      {field('email', 'mop.login.email', 'email', 'username', Boolean(fixedEmail))}
      {field('password', 'mop.login.password', 'password', 'new-password')}
      {field('confirmPassword', 'mop.profile.confirm_password', 'password', 'new-password')}
      <Button
        type="submit"
        variant="contained"
        size="large"
        fullWidth
        disabled={busy}
        sx={{ mt: 2, py: 1.25 }}
        data-testid="signup-submit"
        startIcon={busy ? <CircularProgress size={18} color="inherit" /> : undefined}
      >
        {translate(busy ? 'mop.signup.submitting' : submitLabel)}
      </Button>
    </Box>
  );
};

/** Public: a new user creates an account, then applies as a merchant or provider on the onboarding page. */
export const SignUpPage = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const invitation = params.get('invitation');
  return (
    <PublicShell maxWidth={440} testId="signup-page">
      <PublicCard>
        <Box sx={{ width: 44, height: 44, borderRadius: '50%', bgcolor: 'rgba(31,58,95,0.08)', display: 'flex', alignItems: 'center', justifyContent: 'center', mb: 2 }}>
          <PersonAddOutlined color="primary" />
        </Box>
        <Typography variant="h5" component="h1">
          {translate('mop.signup.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('mop.signup.subtitle')}
        </Typography>
        <SignUpForm
          submitLabel="mop.signup.submit"
          onSignedUp={async () => {
            // The console's auth state still says "signed out": refresh it before leaving.
            await queryClient.invalidateQueries({ queryKey: ['auth'] });
            navigate(invitation ? `${ACCEPT_INVITATION_PATH}?token=${encodeURIComponent(invitation)}` : ONBOARDING_PATH, { replace: true });
          }}
        />
        <Typography variant="body2" color="text.secondary" sx={{ mt: 3, textAlign: 'center' }}>
          {translate('mop.signup.have_account')}{' '}
          <Link component={RouterLink} to="/login" data-testid="signup-login-link">
            {translate('mop.signup.sign_in')}
          </Link>
        </Typography>
      </PublicCard>
    </PublicShell>
  );
};
