import type { Role, WorkspaceKind } from '@mop/shared';
import { graphqlRequest } from '../graphql';

export interface InvitationPreview {
  workspaceName: string;
  kind: WorkspaceKind;
  role: Role;
  email: string;
  status: 'PENDING' | 'ACCEPTED' | 'REVOKED' | 'EXPIRED';
  expiresAt: string;
}

export async function invitationPreview(token: string): Promise<InvitationPreview> {
  const data = await graphqlRequest<{ invitationPreview: InvitationPreview }>(
    'query InvitationPreview($token: String!) { invitationPreview(token: $token) { workspaceName kind role email status expiresAt } }',
    { token },
  );
  return data.invitationPreview;
}

export async function revokeInvitation(id: string): Promise<void> {
  await graphqlRequest('mutation RevokeInvitation($id: ID!) { revokeInvitation(id: $id) { id status } }', { id });
}
