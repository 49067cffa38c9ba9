import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { VoteView } from '@verbund/shared/votes';
import { queryKeys } from './query-keys';
import { mergeVoteViews } from './vote-views';
import { voteView as view, voteViewId as id } from '../test/fixtures';

const WS = '00000000-0000-4000-8000-000000000001';
describe('votes:viewed in the query cache', () => {
  it('replaces changed views in place and puts new votes first', () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.votes(WS), [view(1), view(2)]);
    const changed = view(2, { tally: { options: { agree: 1, abstain: 0, disagree: 0, block: 0 }, partners: null, voices: 1 } });
    mergeVoteViews(client, WS, [changed, view(3)]);
    const views = client.getQueryData<VoteView[]>(queryKeys.votes(WS));
    expect(views?.map((v) => v.id)).toEqual([id(3), id(1), id(2)]);
    expect(views?.[2]?.tally?.voices).toBe(1);
  });

  it('ignores a message that is not a list of views', () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.votes(WS), [view(1)]);
    mergeVoteViews(client, WS, [{ id: id(1), choice: 'block' }]);
    expect(client.getQueryData<VoteView[]>(queryKeys.votes(WS))).toEqual([view(1)]);
  });

  it('a fetch that was already on its way when a view arrived does not overwrite it: the list is fetched anew', async () => {
    const client = new QueryClient();
    const key = queryKeys.votes(WS);
    client.setQueryData(key, [view(1)]);
    // The first answer was made before the vote opened and arrives after its view; the next one knows it.
    const answers: VoteView[][] = [[view(1)], [view(1), view(2)]];
    let release: () => void = () => undefined;
    const stale = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const observer = new QueryObserver(client, {
      queryKey: key,
      queryFn: async () => {
        calls += 1;
        const answer = answers[calls - 1] ?? [];
        if (calls === 1) await stale;
        return answer;
      },
    });
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(calls).toBe(1));
    mergeVoteViews(client, WS, [view(2)]);
    release();
    await vi.waitFor(() => expect(client.isFetching({ queryKey: key })).toBe(0));
    expect(client.getQueryData<VoteView[]>(key)?.map((v) => v.id).sort()).toEqual([id(1), id(2)]);
    unsubscribe();
  });
});
