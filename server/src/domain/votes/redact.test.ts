import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '@verbund/shared/events';
import { emptyState } from '@verbund/shared/projection';
import { ballot, openVote, pos, settings, uuid } from '../../test-support/vote-fixtures.js';
import { anonymityIn, redactCatchUp, redactEvents, redactState } from './redact.js';

const envelope = (seq: number) => ({
  v: 1 as const, workspaceId: uuid(1000), seq, actorId: uuid(101), partnerId: uuid(1), at: '2026-05-04T10:01:00.000Z', commandId: null, prevHash: '0'.repeat(64), hash: '0'.repeat(64),
});
const cast = (voteId: string, seq: number): StoredEvent => ({ ...envelope(seq), type: 'vote.ballot_cast', data: { voteId, ballot: ballot(1, 1, pos('block', 'Zu teuer')) } });
const other: StoredEvent = { ...envelope(1), type: 'card.archived', data: { cardId: uuid(801) } };

const PUBLIC = openVote({ id: uuid(700) });
const ANONYMOUS = openVote({ id: uuid(701), settings: settings({ counting: 'person', anonymous: true }), ballots: [ballot(1, 1, pos('agree'))] });
const state = { ...emptyState(uuid(1000)), votes: { [PUBLIC.id]: { ...PUBLIC, ballots: [ballot(2, 1, pos('agree'))] }, [ANONYMOUS.id]: ANONYMOUS } };

describe('redaction of ballots (D34)', () => {
  it('D34 a ballot event goes out without its choice and reason; who and when stay', () => {
    const [sealed] = redactEvents([cast(PUBLIC.id, 2)], anonymityIn(state));
    expect(sealed?.type === 'vote.ballot_cast' && sealed.data).toEqual({
      voteId: PUBLIC.id,
      ballot: { personId: ballot(1, 1, pos('agree')).personId, partnerId: ballot(1, 1, pos('agree')).partnerId, castAt: ballot(1, 1, pos('agree')).castAt, sealed: true },
    });
    expect(JSON.stringify(sealed)).not.toMatch(/block|Zu teuer/);
  });

  it('D34 in an anonymous vote (or one the state does not know) the person is left out too', () => {
    for (const voteId of [ANONYMOUS.id, uuid(799)]) {
      const [sealed] = redactEvents([cast(voteId, 2)], anonymityIn(state));
      expect(sealed?.type === 'vote.ballot_cast' && sealed.data.ballot.personId).toBeNull();
    }
  });

  it('D34 events without ballots come back as the very same array (no copy on the hot path)', () => {
    const events = [other];
    expect(redactEvents(events, anonymityIn(state))).toBe(events);
  });

  it('D34 state and snapshots go out with every vote emptied of ballots, the server state untouched', () => {
    const redacted = redactState(state);
    expect(Object.values(redacted.votes).map((v) => v.ballots)).toEqual([[], []]);
    expect(state.votes[PUBLIC.id]?.ballots).toHaveLength(1);
    const snapshot = redactCatchUp({ kind: 'snapshot', state }, state);
    expect(JSON.stringify(snapshot)).not.toContain('"choice"');
  });
});
