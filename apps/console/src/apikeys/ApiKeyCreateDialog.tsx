import Add from '@mui/icons-material/Add';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useCanAccess, useRefresh, useTranslate } from 'react-admin';
import { errorMessageKey, toApiError } from '../errors';
import { useActiveWorkspace } from '../workspace';
import { API_KEY_SCOPES, type ApiKeyScope, createApiKey, PROVIDER_KEY_SCOPES } from './apiKeyApi';
import { ApiKeySecretDialog } from './ApiKeySecretDialog';

type FieldErrors = Partial<Record<'name' | 'scopes' | 'expiresAt', string>>;

/** The end of the chosen day, in the browser's time zone. */
const endOfDay = (date: string) => new Date(`${date}T23:59:59.999`).toISOString();

/** "New API key": name, scopes and an optional expiry; then the secret, once. */
export const CreateApiKeyButton = () => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const { kind } = useActiveWorkspace();
  const { canAccess } = useCanAccess({ resource: 'ApiKey', action: 'create' });
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>([]);
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  if (!canAccess) return null;
  const offered = kind === 'PROVIDER' ? API_KEY_SCOPES.filter((s) => PROVIDER_KEY_SCOPES.includes(s)) : API_KEY_SCOPES;

  const reset = () => {
    setName('');
    setScopes([]);
    setExpiresOn('');
    setErrors({});
    setFailure(null);
  };
  const toggle = (scope: ApiKeyScope) => setScopes((current) => (current.includes(scope) ? current.filter((s) => s !== scope) : [...current, scope]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: FieldErrors = {};
    if (!name.trim()) local.name = translate('mop.apikeys.name_required');
    if (scopes.length === 0) local.scopes = translate('mop.apikeys.scopes_required');
    if (expiresOn && new Date(endOfDay(expiresOn)) <= new Date()) local.expiresAt = translate('mop.apikeys.expiry_future');
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await createApiKey({ name: name.trim(), scopes, expiresAt: expiresOn ? endOfDay(expiresOn) : null });
      setOpen(false);
      setCreated({ name: result.apiKey.name, secret: result.secret });
      reset();
      refresh();
    } catch (error) {
      const apiError = toApiError(error);
      const field = apiError.field?.replace(/^input\./, '').replace(/\.\d+$/, '');
      if (apiError.code === 'BAD_USER_INPUT' && (field === 'name' || field === 'scopes' || field === 'expiresAt')) setErrors({ [field]: apiError.message });
      else setFailure(errorMessageKey(apiError.code));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button startIcon={<Add />} size="small" onClick={() => setOpen(true)} data-testid="apikey-new">
        {translate('mop.apikeys.new')}
      </Button>
      <Dialog open={open} onClose={() => !busy && setOpen(false)} fullWidth maxWidth="sm" data-testid="apikey-create-dialog">
        <Box component="form" onSubmit={submit} noValidate>
          <DialogTitle>{translate('mop.apikeys.create_title')}</DialogTitle>
          <DialogContent>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {translate('mop.apikeys.create_text')}
            </Typography>
            {failure && (
              <Alert severity="error" sx={{ mb: 2 }} data-testid="apikey-create-error">
                {translate(failure)}
              </Alert>
            )}
            <TextField
              label={translate('resources.ApiKey.fields.name')}
              value={name}
              onChange={(e) => setName(e.target.value)}
              fullWidth
              autoFocus
              margin="dense"
              error={Boolean(errors.name)}
              helperText={errors.name ?? translate('mop.apikeys.name_help')}
              slotProps={{ htmlInput: { maxLength: 80, 'data-testid': 'apikey-name' } }}
            />
            <FormControl component="fieldset" error={Boolean(errors.scopes)} sx={{ mt: 2, display: 'block' }}>
              <FormLabel component="legend">{translate('resources.ApiKey.fields.scopes')}</FormLabel>
              <FormGroup>
                {offered.map((scope) => (
                  <FormControlLabel
                    key={scope}
                    sx={{ alignItems: 'flex-start', my: 0.25 }}
                    control={<Checkbox size="small" checked={scopes.includes(scope)} onChange={() => toggle(scope)} sx={{ pt: 0.25 }} slotProps={{ input: { 'data-testid': `apikey-scope-${scope}` } as never }} />}
                    label={
                      <Box>
                        <Typography variant="body2">{translate(`mop.apikeys.scopes.${scope}`)}</Typography>
                        <Typography variant="caption" color="text.secondary">
                          {translate(`mop.apikeys.scope_help.${scope}`)}
                        </Typography>
                      </Box>
                    }
                  />
                ))}
              </FormGroup>
              {errors.scopes && <FormHelperText data-testid="apikey-scopes-error">{errors.scopes}</FormHelperText>}
            </FormControl>
            <TextField
              label={translate('resources.ApiKey.fields.expiresAt')}
              type="date"
              value={expiresOn}
              onChange={(e) => setExpiresOn(e.target.value)}
              margin="dense"
              sx={{ mt: 2 }}
              error={Boolean(errors.expiresAt)}
              helperText={errors.expiresAt ?? translate('mop.apikeys.expiry_help')}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'apikey-expires' } }}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)} disabled={busy}>
              {translate('ra.action.cancel')}
            </Button>
            <Button type="submit" variant="contained" disabled={busy} data-testid="apikey-create-submit">
              {translate('mop.apikeys.create')}
            </Button>
          </DialogActions>
        </Box>
      </Dialog>
      <ApiKeySecretDialog created={created} onClose={() => setCreated(null)} />
    </>
  );
};
