import { Box, Chip, type ChipProps, Stack, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { BulkIssueItemStatus, BulkIssueRunRecord, BulkIssueStatus } from './bulkIssueApi';

const RUN_COLORS: Record<BulkIssueStatus, ChipProps['color']> = {
  PENDING: 'default',
  RUNNING: 'info',
  COMPLETED: 'success',
  PARTIAL: 'warning',
  FAILED: 'error',
};

const ITEM_COLORS: Record<BulkIssueItemStatus, ChipProps['color']> = {
  PENDING: 'default',
  ISSUED: 'success',
  SKIPPED: 'warning',
  FAILED: 'error',
};

/** The segments of the bar, in the order they fill it. */
const SEGMENTS = [
  { key: 'issued', color: 'success.main' },
  { key: 'skipped', color: 'warning.main' },
  { key: 'failed', color: 'error.main' },
] as const;

export const RunStatusChip = ({ status }: { status: BulkIssueStatus }) => {
  const translate = useTranslate();
  return <Chip size="small" variant="outlined" color={RUN_COLORS[status]} label={translate(`mop.bulk_issue.status.${status}`)} data-testid={`bulk-run-status-${status}`} />;
};

export const ItemStatusChip = ({ status }: { status: BulkIssueItemStatus }) => {
  const translate = useTranslate();
  return <Chip size="small" variant="outlined" color={ITEM_COLORS[status]} label={translate(`mop.bulk_issue.item_status.${status}`)} />;
};

/** A refusal or error code in words (an unknown one as it is). */
export function useReasonLabel() {
  const translate = useTranslate();
  return (reason: string | null) => (reason ? translate(`mop.bulk_issue.reasons.${reason}`, { _: reason }) : translate('mop.common.none'));
}

/**
 * Issued, skipped and failed of the run's customers, as one bar in three colours (the rest still to
 * do) with the counts under it; `compact` for a row of the runs table.
 */
export const RunProgress = ({ run, compact = false }: { run: BulkIssueRunRecord; compact?: boolean }) => {
  const translate = useTranslate();
  const done = run.issued + run.skipped + run.failed;
  const total = Math.max(run.total, 1);
  const count = (n: number) => n.toLocaleString();
  return (
    <Box data-testid="bulk-progress" data-done={done} data-total={run.total} data-status={run.status} sx={{ minWidth: compact ? 160 : undefined }}>
      {!compact && (
        <Typography variant="body2" sx={{ mb: 1 }} data-testid="bulk-progress-text">
          {translate('mop.bulk_issue.progress', { done: count(done), total: count(run.total) })}
        </Typography>
      )}
      <Box sx={{ display: 'flex', height: compact ? 6 : 10, borderRadius: 5, overflow: 'hidden', bgcolor: 'action.hover' }}>
        {SEGMENTS.map(({ key, color }) =>
          run[key] > 0 ? (
            <Tooltip key={key} title={`${translate(`mop.bulk_issue.${key}`)}: ${count(run[key])}`}>
              <Box sx={{ width: `${(100 * run[key]) / total}%`, bgcolor: color, transition: 'width 400ms ease' }} />
            </Tooltip>
          ) : null,
        )}
      </Box>
      {compact ? (
        <Typography variant="caption" color="text.secondary">
          {count(done)} / {count(run.total)}
        </Typography>
      ) : (
        <Stack direction="row" spacing={2.5} useFlexGap flexWrap="wrap" sx={{ mt: 1 }}>
          {SEGMENTS.map(({ key, color }) => (
            <Count key={key} color={color} label={translate(`mop.bulk_issue.${key}`)} value={count(run[key])} testId={`bulk-count-${key}`} />
          ))}
          <Count color="action.disabled" label={translate('mop.bulk_issue.pending')} value={count(run.pending)} testId="bulk-count-pending" />
        </Stack>
      )}
    </Box>
  );
};

const Count = ({ color, label, value, testId }: { color: string; label: string; value: string; testId: string }) => (
  <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }} data-testid={testId}>
    <Box sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: color }} />
    <Typography variant="body2" color="text.secondary">
      {label}
    </Typography>
    <Typography variant="body2" fontWeight={600}>
      {value}
    </Typography>
  </Box>
);
