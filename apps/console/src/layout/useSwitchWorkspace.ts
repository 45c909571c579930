import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useNotify } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { errorMessageKey, toApiError } from '../errors';
import { switchWorkspace } from '../session';

/**
 * Makes a workspace active, then drops every cached query (permissions, canAccess, lists) so the
 * menus and pages are rebuilt from the new workspace's rules, and lands on the dashboard.
 */
export function useSwitchWorkspace() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const notify = useNotify();
  const [pending, setPending] = useState(false);
  const switchTo = useCallback(
    async (membershipId: string) => {
      setPending(true);
      try {
        const me = await switchWorkspace(membershipId);
        queryClient.removeQueries();
        navigate('/', { replace: true });
        await queryClient.invalidateQueries();
        const name = me.activeWorkspace?.name ?? '';
        notify('mop.workspace.switched', { type: 'info', messageArgs: { name } });
      } catch (error) {
        notify(errorMessageKey(toApiError(error).code), { type: 'error' });
      } finally {
        setPending(false);
      }
    },
    [queryClient, navigate, notify],
  );
  return { switchTo, pending };
}
