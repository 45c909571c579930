import MarkEmailReadOutlined from '@mui/icons-material/MarkEmailReadOutlined';
import { useState } from 'react';
import { Create, email, required, SimpleForm, TextInput, useRedirect, useTranslate } from 'react-admin';
import { OneTimeValueDialog } from '../common/OneTimeValueDialog';
import { RoleAndStoresInputs } from '../members/RoleAndStoresInputs';

interface CreatedInvitation {
  id: string;
  email: string;
  acceptUrl: string | null;
}

/** The accept link is returned once: shown here with a copy button, never again. */
export const AcceptLinkDialog = ({ invitation, onClose }: { invitation: CreatedInvitation | null; onClose: () => void }) => {
  const translate = useTranslate();
  // The API answers with a path on the console's origin: show the whole address, ready to send.
  const url = invitation?.acceptUrl ? new URL(invitation.acceptUrl, window.location.href).href : '';
  return (
    <OneTimeValueDialog
      open={Boolean(invitation)}
      icon={<MarkEmailReadOutlined color="success" />}
      title={translate('mop.staff.invited_title')}
      notice={translate('mop.staff.invited_text', { email: invitation?.email ?? '' })}
      noticeSeverity="success"
      value={url}
      helperText={translate('mop.staff.accept_link_once')}
      labels={{ field: 'mop.staff.accept_link', copy: 'mop.staff.copy', copied: 'mop.staff.copied', copyFailed: 'mop.staff.copy_failed', done: 'mop.staff.done' }}
      testId={{ dialog: 'invitation-created', value: 'invitation-accept-url', copy: 'invitation-copy', done: 'invitation-done' }}
      closeOnBackdrop
      onDone={onClose}
    />
  );
};

export const InvitationCreate = () => {
  const redirect = useRedirect();
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  return (
    <>
      <Create
        title="mop.staff.invite_title"
        mutationOptions={{ onSuccess: (data: CreatedInvitation) => setCreated(data) }}
      >
        <SimpleForm defaultValues={{ storeIds: [] }}>
          <TextInput source="email" type="email" validate={[required(), email()]} sx={{ minWidth: 320 }} />
          <RoleAndStoresInputs />
        </SimpleForm>
      </Create>
      <AcceptLinkDialog
        invitation={created}
        onClose={() => {
          setCreated(null);
          redirect('list', 'Invitation');
        }}
      />
    </>
  );
};
