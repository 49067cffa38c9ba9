import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { WorkspaceState } from '@verbund/shared/projection';
import { useCommandQueue } from './command-queue';
import { applyPending } from './predict';
import { workspaceStateQueryOptions } from './queries';
import { useSession } from './session-context';

/** What every screen renders: the server-confirmed state with this tab's pending commands on top. */
export function useWorkspaceView(): WorkspaceState | undefined {
  const { me, membership } = useSession();
  const confirmed = useQuery(workspaceStateQueryOptions(membership.workspaceId)).data;
  const pending = useCommandQueue((s) => s.pending);
  return useMemo(
    () => (confirmed ? applyPending(confirmed, pending, { id: me.id, partnerId: membership.partnerId }) : undefined),
    [confirmed, pending, me.id, membership.partnerId],
  );
}
