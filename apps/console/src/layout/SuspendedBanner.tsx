import { Alert, AlertTitle } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useActiveWorkspace } from '../workspace';

/** Staff of a suspended merchant or provider may look but not operate: say so, and why. */
export const SuspendedBanner = () => {
  const translate = useTranslate();
  const { workspace } = useActiveWorkspace();
  if (workspace?.status !== 'SUSPENDED') return null;
  return (
    <Alert severity="warning" sx={{ mt: 2 }} data-testid="suspended-banner">
      <AlertTitle>{translate('mop.suspended.title', { name: workspace.name })}</AlertTitle>
      {translate('mop.suspended.text')}
      {workspace.statusReason && (
        <>
          {' '}
          {translate('mop.suspended.reason', { reason: workspace.statusReason })}
        </>
      )}
    </Alert>
  );
};
