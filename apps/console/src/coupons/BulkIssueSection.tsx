import GroupAddOutlined from '@mui/icons-material/GroupAddOutlined';
import { Alert, Box, Button, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useCanAccess, useLocaleState, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { formatDateTime } from '../common';
import { BulkIssueDialog } from './BulkIssueDialog';
import { fetchBulkIssueRuns, isRunning } from './bulkIssueApi';
import { RunProgress, RunStatusChip } from './BulkIssueProgress';
import type { CouponStockRecord } from './couponStock';

/** The latest runs the stock page lists. */
const LISTED_RUNS = 10;

/**
 * The stock page's bulk issue block (stocks with the BULK_ISSUE channel): the button that uploads a
 * customer list, and the stock's runs with their live progress (polled while one is issuing), each
 * opening its report. The stock's own figures are refreshed when a run ends.
 */
export const BulkIssueSection = () => {
  const record = useRecordContext<CouponStockRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<{ runId?: string } | null>(null);
  const tenant = record ? { id: record.id, merchantId: record.merchantId } : undefined;
  const { canAccess: canRead } = useCanAccess({ resource: 'BulkIssueRun', action: 'list', record: tenant });
  const { canAccess: canStart } = useCanAccess({ resource: 'BulkIssueRun', action: 'create', record: tenant });
  const enabled = Boolean(record?.channels.includes('BULK_ISSUE') && canRead);
  const { data } = useQuery({
    queryKey: ['mop', 'bulk-issue-runs', record?.id],
    queryFn: () => fetchBulkIssueRuns(String(record?.id), LISTED_RUNS),
    enabled,
    refetchInterval: (query) => (query.state.data?.runs.some(isRunning) ? 1000 : false),
  });
  const runs = data?.runs ?? [];

  // A run that ends has changed the stock's claimed and remaining figures.
  const running = runs.filter(isRunning).length;
  const wasRunning = useRef(running);
  useEffect(() => {
    if (running < wasRunning.current) refresh();
    wasRunning.current = running;
  }, [running, refresh]);

  if (!record || !enabled) return null;
  const reload = () => void queryClient.invalidateQueries({ queryKey: ['mop', 'bulk-issue-runs', record.id] });
  const close = () => {
    setDialog(null);
    reload();
  };
  const header = (key: string, align: 'left' | 'right' = 'left') => (
    <TableCell align={align} sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
      {translate(key)}
    </TableCell>
  );

  return (
    <>
      <Card variant="outlined" data-testid="bulk-issue-section">
        <CardContent>
          <Box sx={{ display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: 2, mb: 1.5 }}>
            <Box>
              <Typography variant="subtitle1" fontWeight={600}>
                {translate('mop.bulk_issue.title')}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 760 }}>
                {translate('mop.bulk_issue.intro')}
              </Typography>
            </Box>
            {canStart && (
              <Button variant="contained" startIcon={<GroupAddOutlined />} disabled={record.status !== 'ACTIVE'} onClick={() => setDialog({})} sx={{ flexShrink: 0 }} data-testid="bulk-issue-start">
                {translate('mop.bulk_issue.start')}
              </Button>
            )}
          </Box>
          {canStart && record.status !== 'ACTIVE' && (
            <Alert severity="info" sx={{ mb: 1.5 }} data-testid="bulk-not-issuing">
              {translate(`mop.bulk_issue.not_issuing.${record.status}`)}
            </Alert>
          )}
          {runs.length === 0 ? (
            <Typography variant="body2" color="text.secondary" data-testid="bulk-no-runs">
              {translate('mop.bulk_issue.no_runs')}
            </Typography>
          ) : (
            <Box sx={{ overflowX: 'auto' }}>
              <Table size="small" data-testid="bulk-runs">
                <TableHead>
                  <TableRow>
                    {header('mop.bulk_issue.columns.createdAt')}
                    {header('mop.bulk_issue.columns.status')}
                    {header('mop.bulk_issue.columns.progress')}
                    {header('mop.bulk_issue.issued', 'right')}
                    {header('mop.bulk_issue.skipped', 'right')}
                    {header('mop.bulk_issue.failed', 'right')}
                    {header('mop.bulk_issue.columns.requestedBy')}
                    <TableCell />
                  </TableRow>
                </TableHead>
                <TableBody>
                  {runs.map((run) => (
                    <TableRow key={run.id} data-testid="bulk-run-row" data-run={run.id} data-status={run.status}>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(run.createdAt, locale)}</TableCell>
                      <TableCell>
                        <RunStatusChip status={run.status} />
                      </TableCell>
                      <TableCell sx={{ width: 220 }}>
                        <RunProgress run={run} compact />
                      </TableCell>
                      <TableCell align="right">{run.issued.toLocaleString()}</TableCell>
                      <TableCell align="right">{run.skipped.toLocaleString()}</TableCell>
                      <TableCell align="right">{run.failed.toLocaleString()}</TableCell>
                      <TableCell>{run.requestedByName ?? translate('mop.common.none')}</TableCell>
                      <TableCell align="right">
                        <Button size="small" onClick={() => setDialog({ runId: run.id })} data-testid="bulk-run-view">
                          {translate('mop.bulk_issue.view')}
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {(data?.count ?? 0) > runs.length && (
                <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
                  {translate('mop.bulk_issue.runs_more', { shown: runs.length, total: data?.count ?? 0 })}
                </Typography>
              )}
            </Box>
          )}
        </CardContent>
      </Card>
      {dialog && <BulkIssueDialog stock={record} runId={dialog.runId} onClose={close} onStarted={reload} />}
    </>
  );
};
