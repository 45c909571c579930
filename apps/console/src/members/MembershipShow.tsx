import { EditButton, EmailField, ReferenceArrayField, Show, SimpleShowLayout, SingleFieldList, ChipField, TopToolbar, useRecordContext } from 'react-admin';
import { EnumField, LocaleDateField, ResourceTitle, StatusField } from '../common';
import { RemoveMemberButton } from './MembershipEdit';

const MembershipShowActions = () => {
  const record = useRecordContext<{ role: string; status: string }>();
  return (
    <TopToolbar>
      {record?.status !== 'REMOVED' && record?.role !== 'OWNER' && <EditButton data-testid="member-edit" />}
      <RemoveMemberButton />
    </TopToolbar>
  );
};

const StoresField = (_props: { label?: string }) => {
  const record = useRecordContext<{ storeIds?: string[] }>();
  if (!record?.storeIds?.length) return <span>—</span>;
  return (
    <ReferenceArrayField source="storeIds" reference="Store">
      <SingleFieldList linkType={false}>
        <ChipField source="name" size="small" />
      </SingleFieldList>
    </ReferenceArrayField>
  );
};

export const MembershipShow = () => (
  <Show title={<ResourceTitle source="displayName" />} actions={<MembershipShowActions />}>
    <SimpleShowLayout>
      <EmailField source="email" />
      <EnumField source="kind" prefix="mop.workspace.kind" />
      <EnumField source="role" prefix="mop.roles" chip />
      <StoresField label="resources.Membership.fields.storeIds" />
      <StatusField source="status" />
      <LocaleDateField source="createdAt" />
    </SimpleShowLayout>
  </Show>
);
