import KeyOutlined from '@mui/icons-material/KeyOutlined';
import { useTranslate } from 'react-admin';
import { OneTimeValueDialog } from '../common/OneTimeValueDialog';

/** The secret of a new key, shown once with a copy button: the server keeps only its hash. */
export const ApiKeySecretDialog = ({ created, onClose }: { created: { name: string; secret: string } | null; onClose: () => void }) => {
  const translate = useTranslate();
  return (
    <OneTimeValueDialog
      open={Boolean(created)}
      icon={<KeyOutlined color="success" />}
      title={translate('mop.apikeys.created_title', { name: created?.name ?? '' })}
      notice={translate('mop.apikeys.secret_once')}
      noticeSeverity="warning"
      value={created?.secret ?? ''}
      monospace
      labels={{ field: 'mop.apikeys.secret', copy: 'mop.apikeys.copy', copied: 'mop.apikeys.copied', copyFailed: 'mop.apikeys.copy_failed', done: 'mop.apikeys.done' }}
      testId={{ dialog: 'apikey-created', notice: 'apikey-once', value: 'apikey-secret', copy: 'apikey-copy', done: 'apikey-done' }}
      onDone={onClose}
    />
  );
};
