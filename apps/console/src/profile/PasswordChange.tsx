import { Button, Card, CardContent, CardHeader, Stack, TextField, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { errorMessageKey, toApiError } from '../errors';
import { changePassword } from '../session';
import { validatePasswordChange, type PasswordChange as PasswordChangeInput } from './passwordRules';

const EMPTY: PasswordChangeInput = { currentPassword: '', newPassword: '', confirmPassword: '' };

export const PasswordChange = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof PasswordChangeInput, string>>>({});
  const [saving, setSaving] = useState(false);

  const field = (name: keyof PasswordChangeInput, autoComplete: string) => ({
    type: 'password',
    fullWidth: true,
    required: true,
    autoComplete,
    value: values[name],
    onChange: (e: { target: { value: string } }) => {
      setValues((v) => ({ ...v, [name]: e.target.value }));
      setErrors((errs) => ({ ...errs, [name]: undefined }));
    },
    error: Boolean(errors[name]),
    helperText: errors[name] ? translate(errors[name] as string) : ' ',
    slotProps: { htmlInput: { 'data-testid': `password-${name}` } },
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validatePasswordChange(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      setValues(EMPTY);
      notify('mop.profile.password_changed', { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['mop', 'sessions'] });
    } catch (err) {
      const apiError = toApiError(err);
      const key = errorMessageKey(apiError.code);
      if (apiError.field === 'currentPassword' || apiError.field === 'newPassword') {
        setErrors({ [apiError.field]: key });
      } else if (apiError.code === 'BAD_USER_INPUT' || apiError.code === 'UNAUTHENTICATED') {
        setErrors({ currentPassword: key });
      }
      notify(key, { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card>
      <CardHeader
        title={<Typography variant="h6">{translate('mop.profile.password_title')}</Typography>}
        subheader={translate('mop.profile.password_hint')}
      />
      <CardContent sx={{ pt: 0 }}>
        <Stack component="form" spacing={1} onSubmit={submit} noValidate>
          <TextField label={translate('mop.profile.current_password')} {...field('currentPassword', 'current-password')} />
          <TextField label={translate('mop.profile.new_password')} {...field('newPassword', 'new-password')} />
          <TextField label={translate('mop.profile.confirm_password')} {...field('confirmPassword', 'new-password')} />
          <div>
            <Button type="submit" variant="contained" disabled={saving} data-testid="password-submit">
              {translate('mop.profile.change_password')}
            </Button>
          </div>
        </Stack>
      </CardContent>
    </Card>
  );
};
