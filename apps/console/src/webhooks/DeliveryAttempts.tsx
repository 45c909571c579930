import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../common';
import type { WebhookAttemptRecord, WebhookDeliveryRecord } from './webhookApi';

const StatusCodeChip = ({ attempt }: { attempt: WebhookAttemptRecord }) => {
  const translate = useTranslate();
  if (attempt.statusCode === null) {
    return <Chip size="small" variant="outlined" color="error" label={translate(attempt.error ? 'mop.webhooks.no_response' : 'mop.webhooks.interrupted')} />;
  }
  const ok = attempt.statusCode >= 200 && attempt.statusCode < 300;
  return <Chip size="small" variant="outlined" color={ok ? 'success' : 'error'} label={`HTTP ${attempt.statusCode}`} />;
};

/** Every try of the delivery, oldest first: when, how long, what the endpoint answered. */
export const DeliveryAttempts = () => {
  const record = useRecordContext<WebhookDeliveryRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const attempts = record?.attemptLog ?? [];
  if (attempts.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="webhook-no-attempts">
        {translate('mop.webhooks.no_attempts')}
      </Typography>
    );
  }
  const header = (key: string) => <TableCell sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>{translate(`mop.webhooks.attempt.${key}`)}</TableCell>;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="webhook-attempts">
        <TableHead>
          <TableRow>
            {header('attemptNo')}
            {header('startedAt')}
            {header('durationMs')}
            {header('statusCode')}
            {header('detail')}
          </TableRow>
        </TableHead>
        <TableBody>
          {attempts.map((a) => (
            <TableRow key={a.id} data-testid="webhook-attempt" data-status={a.statusCode ?? ''} sx={{ verticalAlign: 'top' }}>
              <TableCell>{a.attemptNo}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.startedAt, locale)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{a.durationMs === null ? translate('mop.common.none') : translate('mop.webhooks.duration', { ms: a.durationMs })}</TableCell>
              <TableCell>
                <StatusCodeChip attempt={a} />
              </TableCell>
              <TableCell sx={{ maxWidth: 560 }}>
                {a.error && (
                  <Typography variant="body2" color="error.main" sx={{ wordBreak: 'break-word' }}>
                    {a.error}
                  </Typography>
                )}
                {a.responseBody && (
                  <Box
                    component="pre"
                    sx={{ m: 0, mt: a.error ? 0.5 : 0, p: 1, bgcolor: 'action.hover', borderRadius: 1, fontSize: 12, maxHeight: 160, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
                  >
                    {a.responseBody}
                  </Box>
                )}
                {!a.error && !a.responseBody && (
                  <Typography variant="body2" color="text.secondary">
                    {translate(a.statusCode === null ? 'mop.webhooks.interrupted_text' : 'mop.webhooks.empty_response')}
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};
