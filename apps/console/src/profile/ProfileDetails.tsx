import { Button, Card, CardContent, CardHeader, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { errorMessageKey, toApiError } from '../errors';
import { LOCALES, toConsoleLocale } from '../i18n';
import { updateProfile, type Me } from '../session';

/** Display name and preferred language; saving the language also applies it. */
export const ProfileDetails = ({ me }: { me: Me }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [, setLocale] = useLocaleState();
  const [displayName, setDisplayName] = useState(me.displayName);
  const [locale, setPreferredLocale] = useState(toConsoleLocale(me.locale));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const name = displayName.trim();
    if (!name) {
      setError('ra.validation.required');
      return;
    }
    setSaving(true);
    try {
      await updateProfile({ displayName: name, locale });
      setLocale(locale);
      await queryClient.invalidateQueries({ queryKey: ['auth', 'getIdentity'] });
      await queryClient.invalidateQueries({ queryKey: ['mop', 'me'] });
      notify('mop.profile.saved', { type: 'success' });
    } catch (err) {
      const apiError = toApiError(err);
      if (apiError.code === 'BAD_USER_INPUT' && apiError.field === 'displayName') setError(errorMessageKey(apiError.code));
      notify(errorMessageKey(apiError.code), { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card>
      <CardHeader title={<Typography variant="h6">{translate('mop.profile.details_title')}</Typography>} />
      <CardContent sx={{ pt: 0 }}>
        <Stack component="form" spacing={2.5} onSubmit={submit} noValidate>
          <TextField label={translate('mop.profile.email')} value={me.email} disabled fullWidth />
          <TextField
            label={translate('mop.profile.display_name')}
            value={displayName}
            onChange={(e) => {
              setDisplayName(e.target.value);
              setError(null);
            }}
            error={Boolean(error)}
            helperText={error ? translate(error) : ' '}
            required
            fullWidth
            slotProps={{ htmlInput: { 'data-testid': 'profile-display-name', maxLength: 80 } }}
          />
          <TextField
            select
            label={translate('mop.profile.locale')}
            value={locale}
            onChange={(e) => setPreferredLocale(toConsoleLocale(e.target.value))}
            fullWidth
            slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'profile-locale' } as object } }}
          >
            {LOCALES.map((l) => (
              <MenuItem key={l.locale} value={l.locale}>
                {translate(`mop.language.${l.locale}`)}
              </MenuItem>
            ))}
          </TextField>
          <div>
            <Button type="submit" variant="contained" disabled={saving} data-testid="profile-save">
              {translate('mop.profile.save')}
            </Button>
          </div>
        </Stack>
      </CardContent>
    </Card>
  );
};
