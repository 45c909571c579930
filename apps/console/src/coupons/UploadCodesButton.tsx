import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  Stack,
  Typography,
} from '@mui/material';
import { useRef, useState, type ChangeEvent } from 'react';
import { useCanAccess, useRecordContext, useRefresh, useTranslate, type FieldProps } from 'react-admin';
import { errorMessageKey, toApiError } from '../errors';
import { addChunk, chunks, type CodeList, emptySummary, readCodeList, type UploadSummary } from './codeList';
import type { CouponStockRecord } from './couponStock';
import { uploadCouponCodes } from './uploadedCodesApi';

type StockWithCodes = CouponStockRecord & { uploadedCodes?: number | null; unusedCodes?: number | null };

/** How many of the server's duplicates the summary names. */
const SHOWN_DUPLICATES = 10;

type Step =
  | { kind: 'choose'; file?: string; list?: CodeList }
  | { kind: 'uploading'; total: number; summary: UploadSummary }
  | { kind: 'done'; total: number; summary: UploadSummary; error?: string };

/** "12 codes · 10 unused" for a stock whose codes the merchant uploads. */
export const UploadedCodesField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<StockWithCodes>();
  const translate = useTranslate();
  if (!record || record.codeMode !== 'UPLOADED') return null;
  const total = record.uploadedCodes ?? 0;
  return (
    <Typography variant="body2" component="span" data-testid="uploaded-codes">
      {translate('mop.coupons.codes.counts', { smart_count: total, total: total.toLocaleString(), unused: (record.unusedCodes ?? 0).toLocaleString() })}
    </Typography>
  );
};

/**
 * "Upload codes": reads a CSV file in the browser (one code per line, or a `code` column), refuses
 * it whole if a line is not a code, then sends it in chunks of 1000, one after another, with a
 * progress bar; the summary adds up what the server accepted and the duplicates it reported.
 */
export const UploadCodesButton = () => {
  const record = useRecordContext<StockWithCodes>();
  const translate = useTranslate();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'CouponStock', action: 'edit', record });
  const [step, setStep] = useState<Step | null>(null);
  const input = useRef<HTMLInputElement>(null);
  if (!record || !canAccess || record.codeMode !== 'UPLOADED' || record.status === 'ENDED') return null;

  const count = (n: number) => n.toLocaleString();
  const close = () => {
    if (step?.kind === 'uploading') return;
    if (step?.kind === 'done') refresh();
    setStep(null);
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setStep({ kind: 'choose', file: file.name, list: readCodeList(await file.text()) });
  };

  const upload = async (codes: string[]) => {
    let summary = emptySummary();
    setStep({ kind: 'uploading', total: codes.length, summary });
    for (const chunk of chunks(codes)) {
      try {
        summary = addChunk(summary, chunk.length, await uploadCouponCodes(record.id, chunk));
      } catch (error) {
        const apiError = toApiError(error);
        // The chunks sent so far are in: say where it stopped, and why.
        setStep({ kind: 'done', total: codes.length, summary, error: apiError.message || translate(errorMessageKey(apiError.code)) });
        return;
      }
      setStep({ kind: 'uploading', total: codes.length, summary });
    }
    setStep({ kind: 'done', total: codes.length, summary });
  };

  const progress = step && step.kind !== 'choose' ? step : null;
  const percent = progress ? Math.round((100 * progress.summary.sent) / Math.max(1, progress.total)) : 0;

  return (
    <>
      <Button size="small" startIcon={<UploadFileOutlined />} onClick={() => setStep({ kind: 'choose' })} data-testid="coupon-upload-codes">
        {translate('mop.coupons.codes.upload')}
      </Button>
      <Dialog open={Boolean(step)} onClose={close} fullWidth maxWidth="sm" data-testid="codes-dialog">
        <DialogTitle>{translate('mop.coupons.codes.title', { name: record.name })}</DialogTitle>
        <DialogContent>
          {step?.kind === 'choose' && (
            <Stack spacing={2}>
              <DialogContentText>{translate('mop.coupons.codes.text')}</DialogContentText>
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
                <Button variant="outlined" startIcon={<UploadFileOutlined />} onClick={() => input.current?.click()} data-testid="codes-choose">
                  {translate('mop.coupons.codes.choose')}
                </Button>
                <Typography variant="body2" color="text.secondary" data-testid="codes-file-name">
                  {step.file ?? translate('mop.coupons.codes.no_file')}
                </Typography>
                <input ref={input} type="file" accept=".csv,.txt,text/csv,text/plain" hidden onChange={choose} data-testid="codes-file" />
              </Box>
              {step.list?.ok && (
                <Alert severity="info" data-testid="codes-found">
                  {translate('mop.coupons.codes.found', { smart_count: step.list.codes.length, count: count(step.list.codes.length), chunks: count(chunks(step.list.codes).length) })}
                </Alert>
              )}
              {step.list && !step.list.ok && (
                <Alert severity="error" data-testid="codes-file-error">
                  {translate(`mop.coupons.codes.file_${step.list.reason}`, { smart_count: step.list.invalidCount, count: count(step.list.invalidCount) })}
                  {step.list.invalid.map((bad) => (
                    <Box key={bad.line} component="div" sx={{ fontFamily: 'monospace', mt: 0.5, wordBreak: 'break-all' }}>
                      {translate('mop.coupons.codes.invalid_line', { line: bad.line, value: bad.value })}
                    </Box>
                  ))}
                </Alert>
              )}
            </Stack>
          )}
          {progress && (
            <Stack spacing={1.5}>
              <Box data-testid="codes-progress" data-percent={percent} data-sent={progress.summary.sent} data-total={progress.total}>
                <Typography variant="body2" sx={{ mb: 1 }}>
                  {translate('mop.coupons.codes.progress', { sent: count(progress.summary.sent), total: count(progress.total) })}
                </Typography>
                <LinearProgress variant="determinate" value={percent} sx={{ height: 8, borderRadius: 4 }} />
              </Box>
              {step?.kind === 'done' && <Summary summary={step.summary} error={step.error} count={count} />}
            </Stack>
          )}
        </DialogContent>
        <DialogActions>
          {step?.kind === 'choose' && (
            <>
              <Button onClick={close}>{translate('ra.action.cancel')}</Button>
              <Button variant="contained" disabled={!step.list?.ok} onClick={() => step.list?.ok && upload(step.list.codes)} data-testid="codes-submit">
                {translate('mop.coupons.codes.send')}
              </Button>
            </>
          )}
          {step?.kind === 'uploading' && <Button disabled>{translate('mop.coupons.codes.sending')}</Button>}
          {step?.kind === 'done' && (
            <Button variant="contained" onClick={close} data-testid="codes-close">
              {translate('mop.coupons.codes.done')}
            </Button>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
};

const Summary = ({ summary, error, count }: { summary: UploadSummary; error?: string; count: (n: number) => string }) => {
  const translate = useTranslate();
  const severity = error ? 'error' : summary.duplicateCount ? 'warning' : 'success';
  return (
    <Alert severity={severity} data-testid="codes-summary">
      {error && <Box sx={{ mb: 1 }}>{translate('mop.coupons.codes.stopped', { detail: error })}</Box>}
      <Box data-testid="codes-accepted">{translate('mop.coupons.codes.accepted', { smart_count: summary.accepted, count: count(summary.accepted) })}</Box>
      {summary.duplicateCount > 0 && (
        <Box sx={{ mt: 1 }} data-testid="codes-duplicates">
          {translate('mop.coupons.codes.duplicates', { smart_count: summary.duplicateCount, count: count(summary.duplicateCount) })}
          <Stack direction="row" useFlexGap flexWrap="wrap" spacing={0.5} sx={{ mt: 0.75 }}>
            {summary.duplicates.slice(0, SHOWN_DUPLICATES).map((code) => (
              <Chip key={code} size="small" variant="outlined" label={code} sx={{ fontFamily: 'monospace' }} />
            ))}
            {summary.duplicateCount > SHOWN_DUPLICATES && (
              <Typography variant="caption" color="text.secondary" sx={{ alignSelf: 'center' }}>
                {translate('mop.coupons.codes.more', { count: count(summary.duplicateCount - SHOWN_DUPLICATES) })}
              </Typography>
            )}
          </Stack>
        </Box>
      )}
      {summary.sent > 0 && (
        <Box sx={{ mt: 1 }} data-testid="codes-totals">
          {translate('mop.coupons.codes.totals', { total: count(summary.totalCodes), unused: count(summary.unusedCodes) })}
        </Box>
      )}
    </Alert>
  );
};
