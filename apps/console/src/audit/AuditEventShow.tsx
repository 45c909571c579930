import { Box, Card, CardContent, CardHeader, Grid, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { EnumField, LocaleDateField } from '../common';
import { ActionField, SubjectTypeField } from './AuditEventList';
import { formatChangeValue, toChangeRows } from './changes';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 13, whiteSpace: 'pre-wrap', wordBreak: 'break-word' } as const;

const AuditTitle = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const name = translate('resources.AuditEvent.name', { smart_count: 1 });
  if (!record) return <span>{name}</span>;
  const action = translate(`mop.audit.actions.${String(record.action).replace(/\./g, '_')}`, { _: String(record.action) });
  return <span>{`${name} · ${action}`}</span>;
};

const ChangesPanel = () => {
  const record = useRecordContext<{ id: string; changes?: unknown }>();
  const translate = useTranslate();
  if (!record) return null;
  const rows = toChangeRows(record.changes);
  return (
    <Card sx={{ mt: 2 }} data-testid="audit-changes">
      <CardHeader title={translate('mop.audit.changes')} titleTypographyProps={{ variant: 'h6' }} />
      <CardContent sx={{ pt: 0 }}>
        {record.changes === null || record.changes === undefined || rows?.length === 0 ? (
          <Typography color="text.secondary">{translate('mop.audit.no_changes')}</Typography>
        ) : rows ? (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('mop.audit.field')}</TableCell>
                <TableCell>{translate('mop.audit.before')}</TableCell>
                <TableCell>{translate('mop.audit.after')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.field}>
                  <TableCell sx={{ fontWeight: 600, verticalAlign: 'top' }}>{row.field}</TableCell>
                  <TableCell sx={{ ...mono, verticalAlign: 'top', color: 'error.dark', bgcolor: row.before === undefined ? undefined : 'rgba(192,57,43,0.05)' }}>
                    {formatChangeValue(row.before)}
                  </TableCell>
                  <TableCell sx={{ ...mono, verticalAlign: 'top', color: 'success.dark', bgcolor: row.after === undefined ? undefined : 'rgba(46,125,79,0.06)' }}>
                    {formatChangeValue(row.after)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <Box component="pre" sx={{ ...mono, m: 0, p: 2, bgcolor: '#f8fafc', borderRadius: 1 }}>
            {JSON.stringify(record.changes, null, 2)}
          </Box>
        )}
      </CardContent>
    </Card>
  );
};

export const AuditEventShow = () => (
  <Show title={<AuditTitle />}>
    <Grid container>
      <Grid size={{ xs: 12, md: 6 }}>
        <SimpleShowLayout>
          <LocaleDateField source="at" />
          <TextField source="actorLabel" />
          <ActionField source="action" />
          <SubjectTypeField source="subjectType" />
          <TextField source="subjectId" emptyText="—" sx={mono} />
        </SimpleShowLayout>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <SimpleShowLayout>
          <EnumField source="workspaceKind" prefix="mop.workspace.kind" />
          <TextField source="workspaceId" emptyText="—" sx={mono} />
          <TextField source="onBehalfOfMerchantId" emptyText="—" sx={mono} />
          <TextField source="requestId" sx={mono} />
        </SimpleShowLayout>
      </Grid>
    </Grid>
    <Box sx={{ px: 2, pb: 2 }}>
      <ChangesPanel />
    </Box>
  </Show>
);
