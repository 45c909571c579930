import { usePermissions } from 'react-admin';
import type { ConsolePermissions } from './authProvider';

/** The active workspace as the authProvider's getPermissions reports it. */
export function useActiveWorkspace(): ConsolePermissions & { isPending: boolean } {
  const { permissions, isPending } = usePermissions<ConsolePermissions>();
  return {
    workspace: permissions?.workspace ?? null,
    kind: permissions?.kind ?? null,
    role: permissions?.role ?? null,
    rules: permissions?.rules ?? [],
    workspaceCount: permissions?.workspaceCount ?? 0,
    isPending,
  };
}
