import type { ReactNode } from 'react';
import { Layout as RaLayout, useAuthState } from 'react-admin';
import { Navigate } from 'react-router-dom';
import { CHOOSE_WORKSPACE_PATH } from '../authProvider';
import { useActiveWorkspace } from '../workspace';
import { AppBar } from './AppBar';
import { Menu } from './Menu';

/** A signed-in user with no active workspace and several to choose from goes to the chooser first. */
const RequireWorkspace = ({ children }: { children: ReactNode }) => {
  const { authenticated } = useAuthState();
  const { workspace, isPending } = useActiveWorkspace();
  if (authenticated && !isPending && !workspace) return <Navigate to={CHOOSE_WORKSPACE_PATH} replace />;
  return <>{children}</>;
};

export const Layout = ({ children }: { children: ReactNode }) => (
  <RequireWorkspace>
    <RaLayout appBar={AppBar} menu={Menu}>
      {children}
    </RaLayout>
  </RequireWorkspace>
);
