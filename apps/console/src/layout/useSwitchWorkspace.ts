import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { useApiAction } from '../common/useApiAction';
import { switchWorkspace } from '../session';

/**
 * Makes a workspace active, then drops every cached query (permissions, canAccess, lists) so the
 * menus and pages are rebuilt from the new workspace's rules, and lands on the dashboard.
 */
export function useSwitchWorkspace() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { busy: pending, run } = useApiAction();
  const switchTo = useCallback(
    async (membershipId: string) => {
      await run(
        async () => {
          const me = await switchWorkspace(membershipId);
          queryClient.removeQueries();
          navigate('/', { replace: true });
          await queryClient.invalidateQueries();
          return me;
        },
        {
          successMessage: 'mop.workspace.switched',
          successType: 'info',
          messageArgs: (me) => ({ name: me.activeWorkspace?.name ?? '' }),
          // The queries were just dropped and invalidated: nothing more to refresh.
          refresh: false,
        },
      );
    },
    [queryClient, navigate, run],
  );
  return { switchTo, pending };
}
