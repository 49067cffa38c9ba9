import { useQuery } from '@tanstack/react-query';
import { isRepresentative } from '@verbund/shared/projection';
import { workspaceStateQueryOptions } from '../../lib/queries';
import { useSession } from '../../lib/session-context';
import type { Voter } from './vote-text';

/** The partners' offices' calendar day, as the server counts deputy ranges. */
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

export function useVoter(): Voter {
  const { me, membership } = useSession();
  const { data: state } = useQuery(workspaceStateQueryOptions(membership.workspaceId));
  const representative = state ? isRepresentative(state, me.id, membership.partnerId, dayFormat.format(new Date())) : false;
  return { personId: me.id, partnerId: membership.partnerId, representative };
}
