import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { downloadCSV, useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../common';
import { errorMessageKey, toApiError } from '../errors';
import {
  type BulkIssueItemRecord,
  type BulkIssueRunRecord,
  fetchAllBulkIssueItems,
  fetchBulkIssueItems,
  fetchBulkIssueRun,
  isRunning,
  startBulkIssue,
} from './bulkIssueApi';
import { ItemStatusChip, RunProgress, RunStatusChip, useReasonLabel } from './BulkIssueProgress';
import type { CouponStockRecord } from './couponStock';
import { readRefList, type RefList, reportCsv } from './refList';

/** How many of the customers without a coupon the report names (the download has all). */
const SHOWN_NOT_ISSUED = 50;

type Step = { kind: 'choose'; file?: string; list?: RefList; requestId?: string; error?: string; starting?: boolean } | { kind: 'run'; runId: string };

export const runQueryKey = (runId: string) => ['mop', 'bulk-issue-run', runId];

/**
 * A bulk issue, from the file to the report: the CSV is read in the browser (distinct refs, the
 * first bad line), the start is sent once with a request id kept for the chosen file (a retried
 * click returns the same run), then the run is polled every second until it ends and the report
 * (outcomes by reason, the customers without a coupon, the CSV download) takes its place.
 */
export const BulkIssueDialog = ({ stock, runId, onClose, onStarted }: { stock: CouponStockRecord; runId?: string; onClose: () => void; onStarted?: () => void }) => {
  const translate = useTranslate();
  const [step, setStep] = useState<Step>(runId ? { kind: 'run', runId } : { kind: 'choose' });
  const input = useRef<HTMLInputElement>(null);
  const count = (n: number) => n.toLocaleString();

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setStep({ kind: 'choose', file: file.name, list: readRefList(await file.text()), requestId: `bulk-${crypto.randomUUID()}` });
  };

  const start = async () => {
    if (step.kind !== 'choose' || !step.list?.ok || !step.requestId) return;
    setStep({ ...step, starting: true, error: undefined });
    try {
      const run = await startBulkIssue(stock.id, step.list.refs, step.requestId);
      setStep({ kind: 'run', runId: run.id });
      onStarted?.();
    } catch (error) {
      const apiError = toApiError(error);
      setStep({ ...step, starting: false, error: apiError.message || translate(errorMessageKey(apiError.code)) });
    }
  };

  return (
    <Dialog open onClose={step.kind === 'choose' && step.starting ? undefined : onClose} fullWidth maxWidth="md" data-testid="bulk-issue-dialog">
      <DialogTitle>{translate('mop.bulk_issue.dialog_title', { name: stock.name })}</DialogTitle>
      <DialogContent>
        {step.kind === 'choose' && (
          <Stack spacing={2}>
            <DialogContentText>{translate('mop.bulk_issue.choose_text')}</DialogContentText>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
              <Button variant="outlined" startIcon={<UploadFileOutlined />} onClick={() => input.current?.click()} disabled={step.starting} data-testid="bulk-choose">
                {translate('mop.bulk_issue.choose')}
              </Button>
              <Typography variant="body2" color="text.secondary" data-testid="bulk-file-name">
                {step.file ?? translate('mop.bulk_issue.no_file')}
              </Typography>
              <input ref={input} type="file" accept=".csv,.txt,text/csv,text/plain" hidden onChange={choose} data-testid="bulk-file" />
            </Box>
            {step.list?.ok && (
              <Alert severity="info" data-testid="bulk-found">
                {translate('mop.bulk_issue.found', { smart_count: step.list.refs.length, count: count(step.list.refs.length) })}
                {step.list.repeated > 0 && <> {translate('mop.bulk_issue.repeated', { smart_count: step.list.repeated, count: count(step.list.repeated) })}</>}
              </Alert>
            )}
            {step.list?.ok && step.list.refs.length > stock.remaining && (
              <Alert severity="warning" data-testid="bulk-short-stock">
                {translate('mop.bulk_issue.short_stock', { remaining: count(stock.remaining) })}
              </Alert>
            )}
            {step.list && !step.list.ok && (
              <Alert severity="error" data-testid="bulk-file-error">
                {step.list.reason === 'invalid'
                  ? translate('mop.bulk_issue.file_invalid', { smart_count: step.list.count, count: count(step.list.count), line: step.list.first.line, value: step.list.first.value })
                  : translate(`mop.bulk_issue.file_${step.list.reason}`, { count: count(step.list.count ?? 0) })}
              </Alert>
            )}
            {step.error && (
              <Alert severity="error" data-testid="bulk-start-error">
                {translate('mop.bulk_issue.start_failed', { detail: step.error })}
              </Alert>
            )}
            {step.starting && <LinearProgress />}
          </Stack>
        )}
        {step.kind === 'run' && <RunReport runId={step.runId} stock={stock} />}
      </DialogContent>
      <DialogActions>
        {step.kind === 'choose' ? (
          <>
            <Button onClick={onClose} disabled={step.starting}>
              {translate('ra.action.cancel')}
            </Button>
            <Button variant="contained" disabled={!step.list?.ok || step.starting} onClick={start} data-testid="bulk-submit">
              {translate(step.starting ? 'mop.bulk_issue.starting' : 'mop.bulk_issue.submit')}
            </Button>
          </>
        ) : (
          <Button variant="contained" onClick={onClose} data-testid="bulk-close">
            {translate('ra.action.close')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
};

/** The run, polled every second while it is issuing; its report once it has ended. */
const RunReport = ({ runId, stock }: { runId: string; stock: CouponStockRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data: run, error } = useQuery({
    queryKey: runQueryKey(runId),
    queryFn: () => fetchBulkIssueRun(runId),
    refetchInterval: (query) => (query.state.data && !isRunning(query.state.data) ? false : 1000),
  });
  if (error) return <Alert severity="error">{toApiError(error).message}</Alert>;
  if (!run) return <LinearProgress />;
  const finished = !isRunning(run);
  return (
    <Stack spacing={2.5} data-testid="bulk-run" data-status={run.status}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <RunStatusChip status={run.status} />
        <Typography variant="body2" color="text.secondary">
          {translate('mop.bulk_issue.started_by', { name: run.requestedByName ?? translate('mop.common.none'), time: formatDateTime(run.createdAt, locale) })}
          {run.finishedAt && ` · ${translate('mop.bulk_issue.finished_at', { time: formatDateTime(run.finishedAt, locale) })}`}
        </Typography>
      </Box>
      <RunProgress run={run} />
      {!finished && (
        <Alert severity="info" icon={false} data-testid="bulk-background">
          {translate(run.status === 'PENDING' ? 'mop.bulk_issue.waiting' : 'mop.bulk_issue.background')}
        </Alert>
      )}
      {finished && <Report run={run} stock={stock} />}
    </Stack>
  );
};

const SUMMARY_SEVERITY = { COMPLETED: 'success', PARTIAL: 'warning', FAILED: 'error' } as const;

const Report = ({ run, stock }: { run: BulkIssueRunRecord; stock: CouponStockRecord }) => {
  const translate = useTranslate();
  const reasonLabel = useReasonLabel();
  const count = (n: number) => n.toLocaleString();
  const notIssued = run.skipped + run.failed;
  const { data: items = [] } = useQuery({
    queryKey: ['mop', 'bulk-issue-not-issued', run.id],
    enabled: notIssued > 0,
    queryFn: async () => {
      const [skipped, failed] = await Promise.all([
        run.skipped ? fetchBulkIssueItems(run.id, { status: 'SKIPPED', perPage: SHOWN_NOT_ISSUED }) : [],
        run.failed ? fetchBulkIssueItems(run.id, { status: 'FAILED', perPage: SHOWN_NOT_ISSUED }) : [],
      ]);
      return [...skipped, ...failed].sort((a, b) => a.seq - b.seq).slice(0, SHOWN_NOT_ISSUED);
    },
  });
  const reasons = (run.outcomes ?? []).filter((o) => o.status === 'SKIPPED' || o.status === 'FAILED');
  const severity = SUMMARY_SEVERITY[run.status as keyof typeof SUMMARY_SEVERITY] ?? 'info';
  return (
    <Stack spacing={2.5} data-testid="bulk-report">
      <Alert severity={severity} data-testid="bulk-summary">
        {translate(`mop.bulk_issue.summary.${run.status}`, { issued: count(run.issued), skipped: count(run.skipped), failed: count(run.failed) })}
      </Alert>
      {reasons.length > 0 && (
        <Box>
          <Typography variant="subtitle2" sx={{ mb: 1 }}>
            {translate('mop.bulk_issue.reasons_title')}
          </Typography>
          <Table size="small" data-testid="bulk-reasons">
            <TableBody>
              {reasons.map((o) => (
                <TableRow key={`${o.status}:${o.reason}`} data-testid="bulk-reason" data-reason={o.reason ?? ''}>
                  <TableCell sx={{ width: 120 }}>
                    <ItemStatusChip status={o.status} />
                  </TableCell>
                  <TableCell>{reasonLabel(o.reason)}</TableCell>
                  <TableCell align="right" sx={{ fontWeight: 600, width: 120 }}>
                    {count(o.count)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {notIssued > 0 ? (
        <Box>
          <Typography variant="subtitle2" sx={{ mb: 1 }}>
            {translate('mop.bulk_issue.not_issued_title')}
          </Typography>
          <Box sx={{ maxHeight: 280, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }}>
            <Table size="small" stickyHeader data-testid="bulk-not-issued">
              <TableHead>
                <TableRow>
                  {['line', 'customer', 'outcome', 'reason'].map((c) => (
                    <TableCell key={c} sx={{ fontWeight: 600 }}>
                      {translate(`mop.bulk_issue.columns.${c}`)}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {items.map((item) => (
                  <TableRow key={item.seq} data-testid="bulk-not-issued-item" data-ref={item.customerRef}>
                    <TableCell sx={{ width: 64 }}>{item.seq}</TableCell>
                    <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{item.customerRef}</TableCell>
                    <TableCell sx={{ width: 110 }}>
                      <ItemStatusChip status={item.status} />
                    </TableCell>
                    <TableCell>
                      {reasonLabel(item.reason)}
                      {item.status === 'FAILED' && item.error && (
                        <Typography variant="caption" color="text.secondary" component="div" sx={{ wordBreak: 'break-word' }}>
                          {item.error}
                        </Typography>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
          {notIssued > items.length && items.length > 0 && (
            <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.75 }}>
              {translate('mop.bulk_issue.not_issued_more', { shown: count(items.length), total: count(notIssued) })}
            </Typography>
          )}
        </Box>
      ) : (
        <Typography variant="body2" color="text.secondary" data-testid="bulk-all-issued">
          {translate('mop.bulk_issue.all_issued')}
        </Typography>
      )}
      <DownloadReport run={run} stock={stock} />
    </Stack>
  );
};

/** Every customer of the run with its outcome, read page by page and saved as a CSV file. */
const DownloadReport = ({ run, stock }: { run: BulkIssueRunRecord; stock: CouponStockRecord }) => {
  const translate = useTranslate();
  const [loaded, setLoaded] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // Whether the dialog is still open when the pages arrive (set in the effect: StrictMode runs it twice).
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const download = async () => {
    setFailure(null);
    setLoaded(0);
    let items: BulkIssueItemRecord[];
    try {
      items = await fetchAllBulkIssueItems(run.id, run.total, (n) => mounted.current && setLoaded(n));
    } catch (error) {
      if (mounted.current) {
        setFailure(toApiError(error).message);
        setLoaded(null);
      }
      return;
    }
    if (!mounted.current) return;
    setLoaded(null);
    downloadCSV(reportCsv(items), `bulk-issue-${slug(stock.name)}-${run.createdAt.slice(0, 10)}-${run.id.slice(0, 8)}`);
  };

  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
      <Button variant="outlined" startIcon={<FileDownloadOutlined />} onClick={download} disabled={loaded !== null} data-testid="bulk-download">
        {translate('mop.bulk_issue.download')}
      </Button>
      {loaded !== null && (
        <Typography variant="body2" color="text.secondary">
          {translate('mop.bulk_issue.preparing', { loaded: loaded.toLocaleString(), total: run.total.toLocaleString() })}
        </Typography>
      )}
      {failure && (
        <Typography variant="body2" color="error.main">
          {translate('mop.bulk_issue.download_failed', { detail: failure })}
        </Typography>
      )}
    </Box>
  );
};

function slug(name: string): string {
  return name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'stock';
}
