import { RolesByWorkspace } from '@mop/shared';
import { CheckboxGroupInput, FormDataConsumer, ReferenceArrayInput, required, SelectInput, useTranslate } from 'react-admin';
import { useActiveWorkspace } from '../workspace';

/** The roles a workspace hands out to staff: every role of its kind except the owner's. */
export function useStaffRoleChoices() {
  const translate = useTranslate();
  const { kind } = useActiveWorkspace();
  const roles = kind && kind !== 'PLATFORM' ? RolesByWorkspace[kind].filter((r) => r !== 'OWNER') : [];
  return roles.map((id) => ({ id, name: translate(`mop.roles.${id}`) }));
}

/** A role, and for clerks the stores they work at. */
export const RoleAndStoresInputs = () => {
  const choices = useStaffRoleChoices();
  const translate = useTranslate();
  return (
    <>
      <SelectInput source="role" choices={choices} validate={required()} translateChoice={false} sx={{ minWidth: 240 }} />
      <FormDataConsumer<{ role?: string }>>
        {({ formData }) =>
          formData.role === 'CLERK' ? (
            <ReferenceArrayInput source="storeIds" reference="Store" sort={{ field: 'code', order: 'ASC' }} perPage={100} filter={{ status: 'OPEN' }}>
              <CheckboxGroupInput
                label="resources.Membership.fields.storeIds"
                optionText={(store: { code: string; name: string }) => `${store.name} (${store.code})`}
                validate={(value: unknown[]) => (!value || value.length === 0 ? 'mop.staff.stores_required' : undefined)}
                helperText={translate('mop.staff.stores_hint')}
                row={false}
              />
            </ReferenceArrayInput>
          ) : null
        }
      </FormDataConsumer>
    </>
  );
};
