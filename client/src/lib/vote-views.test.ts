import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { VoteView } from '@verbund/shared/votes';
import { queryKeys } from './query-keys';
import { mergeVoteViews } from './vote-views';

const WS = '00000000-0000-4000-8000-000000000001';
const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

function view(n: number, over: Partial<VoteView> = {}): VoteView {
  return {
    id: id(n),
    settings: {
      title: `Abstimmung ${n}`, description: '', cardIds: [], config: { kind: 'proposal', reasonMode: 'optional', passRule: 'consent' },
      counting: 'partner', partnerBallotBy: 'any_member', quorum: {}, visibility: 'live', anonymous: false, closesAt: null,
    },
    openedAt: '2026-05-04T10:00:00.000Z', openedBy: id(100), eligible: { partnerIds: [id(200)], personIds: [id(100)] },
    status: 'open', closedAt: null, closedBy: null,
    participation: { partners: { voted: [], notYet: [id(200)] }, people: { voted: [], notYet: [] } },
    tally: { options: { agree: 0, abstain: 0, disagree: 0, block: 0 }, partners: null, voices: 0 },
    ballots: [], ownBallot: null, result: null, outcome: null, decisionId: null, resultsVisible: true,
    ...over,
  };
}

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
