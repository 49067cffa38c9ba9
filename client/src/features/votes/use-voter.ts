import { useQuery } from '@tanstack/react-query';
import { officeDay } from '@verbund/shared/model';
import { isRepresentative } from '@verbund/shared/projection';
import { workspaceStateQueryOptions } from '../../lib/queries';
import { useSession } from '../../lib/session-context';
import type { Voter } from './vote-text';

export function useVoter(): Voter {
  const { me, membership } = useSession();
  const { data: state } = useQuery(workspaceStateQueryOptions(membership.workspaceId));
  const representative = state ? isRepresentative(state, me.id, membership.partnerId, officeDay(new Date())) : false;
  return { personId: me.id, partnerId: membership.partnerId, representative };
}
