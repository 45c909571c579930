import KeyOutlined from '@mui/icons-material/KeyOutlined';
import { useTranslate } from 'react-admin';
import { OneTimeValueDialog } from '../common/OneTimeValueDialog';

/** An endpoint's signing secret, shown once (after creation or rotation) with a copy button. */
export const WebhookSecretDialog = ({ shown, onClose }: { shown: { title: string; secret: string } | null; onClose: () => void }) => {
  const translate = useTranslate();
  return (
    <OneTimeValueDialog
      open={Boolean(shown)}
      icon={<KeyOutlined color="success" />}
      title={shown?.title ?? ''}
      notice={translate('mop.webhooks.secret_once')}
      noticeSeverity="warning"
      value={shown?.secret ?? ''}
      helperText={translate('mop.webhooks.secret_help')}
      monospace
      labels={{ field: 'mop.webhooks.secret', copy: 'mop.webhooks.copy', copied: 'mop.webhooks.copied', copyFailed: 'mop.webhooks.copy_failed', done: 'mop.webhooks.done' }}
      testId={{ dialog: 'webhook-secret-dialog', notice: 'webhook-secret-once', value: 'webhook-secret', copy: 'webhook-secret-copy', done: 'webhook-secret-done' }}
      onDone={onClose}
    />
  );
};
