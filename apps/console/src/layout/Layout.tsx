import type { ReactNode } from 'react';
import { Layout as RaLayout, useAuthState } from 'react-admin';
import { Navigate } from 'react-router-dom';
import { CHOOSE_WORKSPACE_PATH, ONBOARDING_PATH } from '../authProvider';
import { useActiveWorkspace } from '../workspace';
import { AppBar } from './AppBar';
import { Menu } from './Menu';
import { SuspendedBanner } from './SuspendedBanner';

/**
 * A signed-in user with no active workspace goes to onboarding when it has none at all, and to the
 * chooser when it has some to pick from.
 */
const RequireWorkspace = ({ children }: { children: ReactNode }) => {
  const { authenticated } = useAuthState();
  const { workspace, workspaceCount, isPending } = useActiveWorkspace();
  if (authenticated && !isPending && !workspace) {
    return <Navigate to={workspaceCount === 0 ? ONBOARDING_PATH : CHOOSE_WORKSPACE_PATH} replace />;
  }
  return <>{children}</>;
};

export const Layout = ({ children }: { children: ReactNode }) => (
  <RequireWorkspace>
    <RaLayout appBar={AppBar} menu={Menu}>
      <SuspendedBanner />
      {children}
    </RaLayout>
  </RequireWorkspace>
);
