import DoneAll from '@mui/icons-material/DoneAll';
import { Button, useCanAccess, useListContext, useNotify, useTranslate, useUnselectAll } from 'react-admin';
import { useApiAction } from '../common/useApiAction';
import { bulkApproveApplications } from '../onboarding/applicationApi';

/** Approves the selected applications in one call and reports the ones the server refused. */
export const BulkApproveButton = () => {
  const { selectedIds } = useListContext();
  const translate = useTranslate();
  const notify = useNotify();
  const unselectAll = useUnselectAll('Application');
  const { canAccess } = useCanAccess({ resource: 'Application', action: 'decide' });
  const { busy, run } = useApiAction();
  if (!canAccess) return null;
  const approve = async () => {
    await run(() => bulkApproveApplications(selectedIds.map(String)), {
      // Success or a partial failure: the warning lists the reasons and stays until dismissed.
      onSuccess: (result) => {
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
      },
    });
  };
  return (
    <Button label="mop.review.bulk_approve" onClick={approve} disabled={busy} data-testid="bulk-approve">
      <DoneAll />
    </Button>
  );
};
