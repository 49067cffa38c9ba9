import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CommandOf } from '@verbund/shared/commands';
import { decisionEntriesSchema, voteViewsSchema, type DecisionsQuery } from '@verbund/shared/vote-wire';
import type { VoteView } from '@verbund/shared/votes';
import { ApiError, apiGet } from '../../lib/api';
import { useAnnouncer } from '../../lib/announcer-store';
import { errorMessageKey } from '../../lib/error-messages';
import { queryKeys } from '../../lib/query-keys';
import { runCommand } from '../../lib/run-command';
import { useSession } from '../../lib/session-context';
import { showToast } from '../../lib/toast-store';

export function votesQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: queryKeys.votes(workspaceId),
    queryFn: () => apiGet(`/api/workspaces/${workspaceId}/votes`, voteViewsSchema),
    // `votes:viewed` keeps this current; a reconnect refetches.
    staleTime: Infinity,
  });
}

export function useVotes(): VoteView[] {
  const { membership } = useSession();
  return useQuery(votesQueryOptions(membership.workspaceId)).data ?? [];
}

export type DecisionFilter = Omit<DecisionsQuery, 'format'>;

export function decisionsPath(workspaceId: string, filter: DecisionFilter, format?: 'csv' | 'markdown'): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  if (format) params.set('format', format);
  const query = params.toString();
  return `/api/workspaces/${workspaceId}/decisions${query ? `?${query}` : ''}`;
}

export function decisionsQueryOptions(workspaceId: string, filter: DecisionFilter) {
  return queryOptions({
    queryKey: [...queryKeys.decisions(workspaceId), filter],
    queryFn: () => apiGet(decisionsPath(workspaceId, filter), decisionEntriesSchema),
  });
}

/** The reasons the vote rules give for a refusal, each with its own sentence (D2–D28). */
const VOTE_REFUSALS = new Set([
  'vote_closed', 'vote_open', 'past_closing_time', 'outcome_recorded', 'person_not_eligible', 'partner_not_eligible',
  'not_representative', 'standalone_needs_moderator', 'not_opener_or_moderator', 'reason_required', 'reason_not_allowed',
  'too_many_choices', 'too_many_points', 'closes_in_past', 'quorum_unreachable', 'anonymous_needs_after_close',
]);

type VoteCommand = 'vote.open' | 'vote.cast' | 'vote.close' | 'vote.record_outcome';
type Variables = { [T in VoteCommand]: { type: T; payload: CommandOf<T>['payload']; done: string } }[VoteCommand];

/** Vote commands wait for the server's answer: a ballot is either counted or refused, never guessed. */
export function useVoteCommand() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { membership } = useSession();
  return useMutation({
    mutationFn: (v: Variables) => runCommand(queryClient, membership.workspaceId, v.type, v.payload),
    onSuccess: (_result, v) => useAnnouncer.getState().announce(v.done),
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'unauthenticated') return;
      if (error instanceof ApiError && VOTE_REFUSALS.has(error.message)) return showToast(t(`votes.errors.${error.message}`));
      showToast(t(error instanceof ApiError ? errorMessageKey(error) : 'errors.internal'));
    },
  });
}
