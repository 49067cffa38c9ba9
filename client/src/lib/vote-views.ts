import type { QueryClient } from '@tanstack/react-query';
import { voteViewsSchema } from '@verbund/shared/vote-wire';
import type { VoteView } from '@verbund/shared/votes';
import { queryKeys } from './query-keys';

/**
 * Lays the views the server just sent (`votes:viewed`, one per changed vote, made for this person)
 * over the cached list. A vote not yet in the list is added in front (newest first).
 */
export function mergeVoteViews(queryClient: QueryClient, workspaceId: string, raw: unknown): void {
  const parsed = voteViewsSchema.safeParse(raw);
  if (!parsed.success) return;
  const key = queryKeys.votes(workspaceId);
  const current = queryClient.getQueryData<VoteView[]>(key);
  if (!current) {
    void queryClient.invalidateQueries({ queryKey: key });
  } else {
    const incoming = new Map(parsed.data.map((view) => [view.id, view]));
    const kept = current.map((view) => incoming.get(view.id) ?? view);
    const added = parsed.data.filter((view) => !current.some((c) => c.id === view.id));
    queryClient.setQueryData(key, [...added, ...kept]);
    // A fetch already on its way was answered before this change and would overwrite it: fetch anew.
    if (queryClient.isFetching({ queryKey: key }) > 0) void queryClient.invalidateQueries({ queryKey: key });
  }
  if (parsed.data.some((view) => view.decisionId !== null)) void queryClient.invalidateQueries({ queryKey: queryKeys.decisions(workspaceId) });
}
