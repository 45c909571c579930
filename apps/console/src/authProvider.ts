import type { AuthProvider } from 'react-admin';
import type { Role, WorkspaceKind } from '@mop/shared';
import { isForbidden, isUnauthenticated } from './errors';
import { buildAbility, canAccessWith, type ConsoleAbility } from './permissions';
import * as session from './session';

export const CHOOSE_WORKSPACE_PATH = '/choose-workspace';
export const ONBOARDING_PATH = '/onboarding';
export const SIGN_UP_PATH = '/sign-up';
export const ACCEPT_INVITATION_PATH = '/invitations/accept';

export interface ConsolePermissions {
  workspace: session.Workspace | null;
  kind: WorkspaceKind | null;
  role: Role | null;
  rules: unknown;
  /** how many workspaces the user belongs to: none sends it to onboarding */
  workspaceCount: number;
}

/** One ability per `me` value: rebuilt only when the session's workspace changes. */
const abilities = new WeakMap<session.Me, ConsoleAbility>();
function abilityOf(me: session.Me): ConsoleAbility {
  let ability = abilities.get(me);
  if (!ability) {
    ability = buildAbility(me.permissions);
    abilities.set(me, ability);
  }
  return ability;
}

/** Lands a fresh session in a workspace: the only one, or the chooser when there are several. */
async function settleWorkspace(me: session.Me): Promise<session.Me> {
  if (!me.activeWorkspace && me.workspaces.length === 1) {
    return session.switchWorkspace(me.workspaces[0].membershipId);
  }
  return me;
}

/** Where a signed-in user starts: onboarding without a workspace, the chooser with several, else the dashboard. */
export function landingPath(me: session.Me): string {
  if (session.needsOnboarding(me)) return ONBOARDING_PATH;
  if (session.needsWorkspaceChoice(me)) return CHOOSE_WORKSPACE_PATH;
  return '/';
}

export const authProvider: AuthProvider = {
  async login({ username, email, password }: { username?: string; email?: string; password: string }) {
    const me = await settleWorkspace(await session.login(email ?? username ?? '', password));
    return { redirectTo: landingPath(me) };
  },

  async logout() {
    try {
      await session.logout();
    } catch {
      // The session may already be gone on the server; the console forgets it either way.
    }
    return '/login';
  },

  async checkAuth() {
    try {
      await session.loadMe();
    } catch {
      session.forgetMe();
      throw { message: false, redirectTo: '/login' };
    }
  },

  async checkError(error) {
    if (isUnauthenticated(error)) {
      session.forgetMe();
      throw { message: 'ra.notification.logged_out', redirectTo: '/login' };
    }
    if (isForbidden(error)) {
      // A refusal may mean the workspace itself is gone (the member was removed, which ends the
      // session's workspace): look again, and leave for onboarding or the chooser if so.
      const cached = await session.loadMe().catch(() => null);
      if (!cached?.activeWorkspace) return;
      const me = await session.reloadMe().catch(() => null);
      if (me && !me.activeWorkspace) {
        throw { logoutUser: false, message: 'mop.workspace.lost', redirectTo: me.workspaces.length === 0 ? ONBOARDING_PATH : CHOOSE_WORKSPACE_PATH };
      }
    }
  },

  async getIdentity() {
    const me = await session.loadMe();
    return { id: me.id, fullName: me.displayName, email: me.email, locale: me.locale };
  },

  async getPermissions(): Promise<ConsolePermissions> {
    try {
      const me = await session.loadMe();
      const workspace = me.activeWorkspace;
      return {
        workspace,
        kind: workspace?.kind ?? null,
        role: workspace?.role ?? null,
        rules: me.permissions,
        workspaceCount: me.workspaces.length,
      };
    } catch {
      return { workspace: null, kind: null, role: null, rules: [], workspaceCount: 0 };
    }
  },

  async canAccess({ resource, action, record }) {
    try {
      const me = await session.loadMe();
      return canAccessWith(abilityOf(me), { resource, action, record });
    } catch {
      return false;
    }
  },
};
