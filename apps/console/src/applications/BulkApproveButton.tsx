import DoneAll from '@mui/icons-material/DoneAll';
import { useState } from 'react';
import { Button, useCanAccess, useListContext, useNotify, useRefresh, useTranslate, useUnselectAll } from 'react-admin';
import { errorMessageKey, toApiError } from '../errors';
import { bulkApproveApplications } from '../onboarding/applicationApi';

/** Approves the selected applications in one call and reports the ones the server refused. */
export const BulkApproveButton = () => {
  const { selectedIds } = useListContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('Application');
  const { canAccess } = useCanAccess({ resource: 'Application', action: 'decide' });
  const [busy, setBusy] = useState(false);
  if (!canAccess) return null;
  const approve = async () => {
    setBusy(true);
    try {
      const result = await bulkApproveApplications(selectedIds.map(String));
      if (result.failed.length === 0) {
        notify('mop.review.bulk_approved', { type: 'success', messageArgs: { smart_count: result.approved.length } });
      } else {
        const reasons = result.failed.map((f) => translate(`mop.errors.${f.code}`, { _: f.message })).filter((v, i, all) => all.indexOf(v) === i);
        notify('mop.review.bulk_partial', {
          type: 'warning',
          autoHideDuration: null,
          messageArgs: { approved: result.approved.length, failed: result.failed.length, reasons: reasons.join(' ') },
        });
      }
      unselectAll();
      refresh();
    } catch (error) {
      notify(errorMessageKey(toApiError(error).code), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label="mop.review.bulk_approve" onClick={approve} disabled={busy} data-testid="bulk-approve">
      <DoneAll />
    </Button>
  );
};
