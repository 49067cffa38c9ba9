import type { QueryClient } from '@tanstack/react-query';
import type { StoredEvent } from '@verbund/shared/events';
import type { Me } from '@verbund/shared/http';
import type { ClientFeature } from '../../lib/client-feature';
import { queryKeys } from '../../lib/query-keys';

/** Whether events change who is in the workspace or what they may do (names and abilities live outside the state). */
function touchesPeople(events: readonly StoredEvent[]): boolean {
  return events.some((e) => e.type.startsWith('member.') || e.type === 'partner.deactivated' || e.type === 'partner.reactivated');
}

function refreshPeople(queryClient: QueryClient, workspaceId: string, events: readonly StoredEvent[]): void {
  if (!touchesPeople(events)) return;
  void queryClient.invalidateQueries({ queryKey: queryKeys.people(workspaceId) });
  // Roles and so abilities may have changed, also one's own.
  void queryClient.invalidateQueries({ queryKey: queryKeys.me });
  // One's own roles decide what the state holds (invitations reach admins only): fetch it as the new roles see it.
  const myId = queryClient.getQueryData<Me>(queryKeys.me)?.id;
  if (events.some((e) => e.type === 'member.roles_set' && e.data.personId === myId)) {
    void queryClient.invalidateQueries({ queryKey: queryKeys.state(workspaceId) });
  }
}

/** People, names and abilities are fetched beside the state (`/people`, `/me`). */
export const adminSync: ClientFeature = {
  name: 'admin',
  afterEvents: refreshPeople,
  afterSnapshot: (queryClient, workspaceId) => void queryClient.invalidateQueries({ queryKey: queryKeys.people(workspaceId) }),
};
