import { Alert, Box, Typography } from '@mui/material';
import { BooleanInput, CheckboxGroupInput, regex, required, TextInput, useTranslate } from 'react-admin';
import { useEventTypeLabel } from './fields';
import { WEBHOOK_EVENT_TYPES } from './webhookApi';

/** What a URL must look like before the server checks it properly (https, or http on this machine). */
const URL_SHAPE = /^(https:\/\/\S+|http:\/\/(localhost|127\.0\.0\.1|\[::1\])([:/]\S*)?)$/i;

/** The same in every language: it is what the receiving server computes. */
const SIGNATURE_FORMULA = 'X-Mop-Signature: v1=hex(HMAC-SHA256(secret, timestamp + "." + body))';

/** The endpoint's settings, the same on the create and the edit page. */
export const WebhookEndpointInputs = () => {
  const translate = useTranslate();
  const label = useEventTypeLabel();
  const choices = WEBHOOK_EVENT_TYPES.map((id) => ({ id, name: label(id) }));
  return (
    <Box sx={{ width: '100%', maxWidth: 760 }}>
      <TextInput
        source="url"
        label="resources.WebhookEndpoint.fields.url"
        fullWidth
        validate={[required(), regex(URL_SHAPE, 'mop.webhooks.url_invalid')]}
        helperText="mop.webhooks.url_help"
        slotProps={{ htmlInput: { 'data-testid': 'webhook-url', spellCheck: false, style: { fontFamily: 'monospace' } } }}
      />
      <TextInput
        source="description"
        label="resources.WebhookEndpoint.fields.description"
        fullWidth
        helperText="mop.webhooks.description_help"
        slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'webhook-description' } }}
      />
      <CheckboxGroupInput
        source="eventTypes"
        label="resources.WebhookEndpoint.fields.eventTypes"
        choices={choices}
        translateChoice={false}
        row={false}
        helperText="mop.webhooks.event_types_help"
        optionText={(choice: { id: string; name: string }) => (
          <Box sx={{ py: 0.25 }} data-testid={`webhook-event-${choice.id}`}>
            <Typography variant="body2">{choice.name}</Typography>
            <Typography variant="caption" color="text.secondary">
              {translate(`mop.webhooks.event_help.${choice.id}`)}
            </Typography>
          </Box>
        )}
      />
      <BooleanInput source="enabled" label="resources.WebhookEndpoint.fields.enabled" helperText="mop.webhooks.enabled_help" />
      <Alert severity="info" variant="outlined" sx={{ mt: 1 }} data-testid="webhook-signing-help">
        <Typography variant="body2" fontWeight={600}>
          {translate('mop.webhooks.signing_title')}
        </Typography>
        <Typography variant="body2">{translate('mop.webhooks.signing_text')}</Typography>
        <Box component="code" sx={{ display: 'block', my: 0.75, fontFamily: 'monospace', fontSize: 13 }}>
          {SIGNATURE_FORMULA}
        </Box>
        <Typography variant="body2">{translate('mop.webhooks.signing_rule')}</Typography>
      </Alert>
    </Box>
  );
};
