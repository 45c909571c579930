import { Create, Edit, required, SimpleForm, TextInput, useNotify, useRefresh } from 'react-admin';
import { ResourceTitle } from '../common';
import { toApiError } from '../errors';
import { OpeningHoursInput } from './OpeningHoursInput';

const CODE = /^[A-Za-z0-9_-]{1,32}$/;
const validateCode = (value: unknown) => (value && !CODE.test(String(value)) ? 'mop.stores.code_hint' : undefined);

export const StoreCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ openingHours: [] }}>
      <TextInput source="code" validate={[required(), validateCode]} helperText="mop.stores.code_hint" />
      <TextInput source="name" validate={required()} sx={{ minWidth: 360 }} />
      <TextInput source="address" validate={required()} fullWidth />
      <OpeningHoursInput />
    </SimpleForm>
  </Create>
);

/**
 * Saves with the version the form was loaded with: when someone else saved in between, the server
 * answers CONFLICT and the user is told to reload rather than overwrite their change.
 */
export const StoreEdit = () => {
  const notify = useNotify();
  const refresh = useRefresh();
  return (
    <Edit
      title={<ResourceTitle source="name" />}
      mutationMode="pessimistic"
      redirect="show"
      mutationOptions={{
        onError: (error) => {
          const code = (error as { body?: { code?: string } }).body?.code ?? toApiError(error).code;
          if (code === 'CONFLICT') {
            notify('mop.stores.conflict', { type: 'error', autoHideDuration: null });
            return;
          }
          notify((error as Error).message || 'mop.errors.INTERNAL_SERVER_ERROR', { type: 'error' });
          refresh();
        },
      }}
    >
      <SimpleForm>
        <TextInput source="code" disabled />
        <TextInput source="name" validate={required()} sx={{ minWidth: 360 }} />
        <TextInput source="address" validate={required()} fullWidth />
        <OpeningHoursInput />
      </SimpleForm>
    </Edit>
  );
};
