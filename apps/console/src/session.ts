import type { Role, WorkspaceKind } from '@mop/shared';
import { graphqlRequest } from './graphql';

export interface Workspace {
  membershipId: string;
  kind: WorkspaceKind;
  id: string | null;
  name: string;
  role: Role;
  status: string | null;
  /** why the tenant is suspended or rejected; null otherwise */
  statusReason: string | null;
}

export interface Me {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  workspaces: Workspace[];
  activeWorkspace: Workspace | null;
  permissions: unknown;
}

const WORKSPACE_FIELDS = 'membershipId kind id name role status statusReason';
export const ME_FIELDS = `id email displayName locale permissions workspaces { ${WORKSPACE_FIELDS} } activeWorkspace { ${WORKSPACE_FIELDS} }`;

let current: Promise<Me> | undefined;

/** The signed-in user, fetched once and shared by every authProvider call until it changes. */
export function loadMe(): Promise<Me> {
  if (!current) {
    current = graphqlRequest<{ me: Me }>(`query Me { me { ${ME_FIELDS} } }`).then((data) => data.me);
    current.catch(() => {
      current = undefined;
    });
  }
  return current;
}

export function setMe(me: Me): Me {
  current = Promise.resolve(me);
  return me;
}

export function forgetMe(): void {
  current = undefined;
}

export async function login(email: string, password: string): Promise<Me> {
  const data = await graphqlRequest<{ login: { me: Me } }>(
    `mutation Login($input: LoginInput!) { login(input: $input) { token me { ${ME_FIELDS} } } }`,
    { input: { email, password } },
  );
  return setMe(data.login.me);
}

/** Creates an account and signs it in, with no workspace yet: onboarding comes next. */
export async function signUp(input: { email: string; password: string; displayName: string; locale?: string }): Promise<Me> {
  const data = await graphqlRequest<{ signUp: { me: Me } }>(
    `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { token me { ${ME_FIELDS} } } }`,
    { input },
  );
  return setMe(data.signUp.me);
}

/** Fetches `me` again: memberships change when an application is approved or an invitation accepted. */
export function reloadMe(): Promise<Me> {
  forgetMe();
  return loadMe();
}

/** Accepts an invitation with the signed-in account; its workspace becomes the active one. */
export async function acceptInvitation(token: string): Promise<Me> {
  const data = await graphqlRequest<{ acceptInvitation: Me }>(
    `mutation AcceptInvitation($token: String!) { acceptInvitation(token: $token) { ${ME_FIELDS} } }`,
    { token },
  );
  return setMe(data.acceptInvitation);
}

export async function logout(): Promise<void> {
  try {
    await graphqlRequest<{ logout: boolean }>('mutation Logout { logout }');
  } finally {
    forgetMe();
  }
}

export async function switchWorkspace(membershipId: string): Promise<Me> {
  const data = await graphqlRequest<{ switchWorkspace: Me }>(
    `mutation SwitchWorkspace($membershipId: ID!) { switchWorkspace(membershipId: $membershipId) { ${ME_FIELDS} } }`,
    { membershipId },
  );
  return setMe(data.switchWorkspace);
}

export async function updateProfile(input: { displayName?: string; locale?: string }): Promise<Me> {
  const data = await graphqlRequest<{ updateProfile: Me }>(
    `mutation UpdateProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { ${ME_FIELDS} } }`,
    { input },
  );
  return setMe(data.updateProfile);
}

export async function changePassword(input: { currentPassword: string; newPassword: string }): Promise<boolean> {
  const data = await graphqlRequest<{ changePassword: boolean }>(
    'mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) }',
    { input },
  );
  return data.changePassword;
}

export interface SessionInfo {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

export async function mySessions(): Promise<SessionInfo[]> {
  const data = await graphqlRequest<{ mySessions: SessionInfo[] }>(
    'query MySessions { mySessions { id createdAt lastSeenAt idleExpiresAt absoluteExpiresAt ip userAgent current } }',
  );
  return data.mySessions;
}

export async function revokeSession(id: string): Promise<boolean> {
  const data = await graphqlRequest<{ revokeSession: boolean }>(
    'mutation RevokeSession($id: ID!) { revokeSession(id: $id) }',
    { id },
  );
  return data.revokeSession;
}

/** A signed-in user without any workspace belongs on the onboarding page. */
export function needsOnboarding(me: Me): boolean {
  return !me.activeWorkspace && me.workspaces.length === 0;
}

/** A user with several workspaces and none active must choose one before anything else. */
export function needsWorkspaceChoice(me: Me): boolean {
  return !me.activeWorkspace && me.workspaces.length > 1;
}
