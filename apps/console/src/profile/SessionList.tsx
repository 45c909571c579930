import ComputerOutlined from '@mui/icons-material/ComputerOutlined';
import { Button, Card, CardContent, CardHeader, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { formatDateTime } from '../common';
import { errorMessageKey, toApiError } from '../errors';
import { mySessions, revokeSession } from '../session';

/** A short, readable device name from a user agent string. */
export function describeUserAgent(userAgent: string | null | undefined): string | undefined {
  if (!userAgent) return undefined;
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Chrome\//.test(userAgent)
      ? 'Chrome'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : undefined;
  const os = /Windows/.test(userAgent)
    ? 'Windows'
    : /Mac OS X/.test(userAgent)
      ? 'macOS'
      : /Android/.test(userAgent)
        ? 'Android'
        : /iPhone|iPad/.test(userAgent)
          ? 'iOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : undefined;
  return [browser, os].filter(Boolean).join(' · ') || userAgent.slice(0, 60);
}

export const SessionList = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const queryClient = useQueryClient();
  const { data: sessions = [] } = useQuery({ queryKey: ['mop', 'sessions'], queryFn: mySessions });

  const revoke = async (id: string) => {
    try {
      await revokeSession(id);
      notify('mop.profile.revoked', { type: 'success' });
    } catch (err) {
      notify(errorMessageKey(toApiError(err).code), { type: 'error' });
    }
    await queryClient.invalidateQueries({ queryKey: ['mop', 'sessions'] });
  };

  return (
    <Card>
      <CardHeader
        title={<Typography variant="h6">{translate('mop.profile.sessions_title')}</Typography>}
        subheader={translate('mop.profile.sessions_subtitle')}
      />
      <CardContent sx={{ pt: 0, overflowX: 'auto' }}>
        <Table size="small" data-testid="sessions">
          <TableHead>
            <TableRow>
              <TableCell>{translate('mop.profile.device')}</TableCell>
              <TableCell>{translate('mop.profile.ip')}</TableCell>
              <TableCell>{translate('mop.profile.created_at')}</TableCell>
              <TableCell>{translate('mop.profile.last_seen')}</TableCell>
              <TableCell>{translate('mop.profile.expires')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {sessions.map((s) => (
              <TableRow key={s.id}>
                <TableCell>
                  <ComputerOutlined fontSize="small" sx={{ verticalAlign: 'middle', mr: 1, color: 'text.secondary' }} />
                  {describeUserAgent(s.userAgent) ?? translate('mop.profile.unknown_device')}
                  {s.current && <Chip size="small" color="success" variant="outlined" label={translate('mop.profile.this_device')} sx={{ ml: 1 }} />}
                </TableCell>
                <TableCell>{s.ip ?? translate('mop.common.none')}</TableCell>
                <TableCell>{formatDateTime(s.createdAt, locale)}</TableCell>
                <TableCell>{formatDateTime(s.lastSeenAt, locale)}</TableCell>
                <TableCell>{formatDateTime(s.idleExpiresAt, locale)}</TableCell>
                <TableCell align="right">
                  {!s.current && (
                    <Button size="small" color="error" onClick={() => revoke(s.id)} data-testid={`revoke-session-${s.id}`}>
                      {translate('mop.profile.revoke')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
            {sessions.length <= 1 && (
              <TableRow>
                <TableCell colSpan={6} sx={{ color: 'text.secondary', textAlign: 'center', py: 2 }}>
                  {translate('mop.profile.no_sessions')}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};
