import { describe, expect, it } from 'vitest';
import { WITHHELD_ACTOR_ID, type StoredEvent } from '@verbund/shared/events';
import { emptyState } from '@verbund/shared/projection';
import { ballot, openVote, pos, settings, uuid } from '../../test-support/vote-fixtures.js';
import { closeVote } from './close.js';
import { catchUpToWire, MEMBER_READER } from '../wire.js';
import { anonymityIn, forOwnExport, redactEvents, redactState } from './redact.js';

const envelope = (seq: number) => ({
  v: 1 as const, workspaceId: uuid(1000), seq, actorId: uuid(101), partnerId: uuid(1), at: '2026-05-04T10:01:23.456Z', commandId: uuid(5000), prevHash: '0'.repeat(64), hash: '0'.repeat(64),
});
const SEAL = 'a'.repeat(32);
const CAST = { ...ballot(1, 1, pos('block', 'Zu teuer')), castAt: '2026-05-04T10:01:23.456Z' };
const cast = (voteId: string, seq: number): StoredEvent => ({ ...envelope(seq), type: 'vote.ballot_cast', data: { voteId, ballot: CAST, seal: SEAL } });
const other: StoredEvent = { ...envelope(1), type: 'card.archived', data: { cardId: uuid(801) } };

const PUBLIC = openVote({ id: uuid(700) });
const ANONYMOUS = openVote({ id: uuid(701), settings: settings({ counting: 'person', anonymous: true }), ballots: [ballot(1, 1, pos('agree'))] });
const state = { ...emptyState(uuid(1000)), votes: { [PUBLIC.id]: { ...PUBLIC, ballots: [ballot(2, 1, pos('agree'))] }, [ANONYMOUS.id]: ANONYMOUS } };

describe('redaction of ballots (D34)', () => {
  it('D34 a ballot event goes out without its choice and reason; who and when stay', () => {
    const [sealed] = redactEvents([cast(PUBLIC.id, 2)], anonymityIn(state));
    expect(sealed?.type === 'vote.ballot_cast' && sealed.data).toEqual({
      voteId: PUBLIC.id,
      ballot: { personId: CAST.personId, partnerId: CAST.partnerId, castAt: CAST.castAt, sealed: true },
    });
    expect(JSON.stringify(sealed)).not.toMatch(/block|Zu teuer/);
  });

  it('D39 in an anonymous vote (or one the state does not know) the ballot names nobody, the envelope neither, the moment to the minute', () => {
    for (const voteId of [ANONYMOUS.id, uuid(799)]) {
      const [sealed] = redactEvents([cast(voteId, 2)], anonymityIn(state));
      expect(sealed).toMatchObject({ actorId: WITHHELD_ACTOR_ID, partnerId: null, commandId: null, at: '2026-05-04T10:01:00.000Z', seq: 2 });
      expect(sealed?.type === 'vote.ballot_cast' && sealed.data).toEqual({
        voteId,
        ballot: { personId: null, partnerId: null, castAt: '2026-05-04T10:01:00.000Z', sealed: true },
      });
      expect(JSON.stringify(sealed)).not.toContain(uuid(101));
    }
  });

  it('D40 the seal never leaves the server, not even in the voter’s own export', () => {
    for (const voteId of [PUBLIC.id, ANONYMOUS.id]) {
      expect(JSON.stringify(redactEvents([cast(voteId, 2)], anonymityIn(state)))).not.toContain(SEAL);
    }
    const own = forOwnExport(cast(ANONYMOUS.id, 2));
    expect(own.type === 'vote.ballot_cast' && own.data).toEqual({ voteId: ANONYMOUS.id, ballot: CAST });
    expect(forOwnExport(other)).toBe(other);
  });

  it('D38 an anonymous vote closed before D38 goes out without its lists of who took part, in events and state', () => {
    const legacy = closeVote({ ...ANONYMOUS, settings: { ...ANONYMOUS.settings, anonymous: false } }, { by: 'person', personId: uuid(101), at: '2026-05-04T10:30:00.000Z' });
    if (!legacy) throw new Error('not closed');
    const closedState = { ...state, votes: { ...state.votes, [ANONYMOUS.id]: { ...legacy, settings: ANONYMOUS.settings } } };
    const { closedAt, closedBy, result } = legacy;
    expect(result.participation).not.toBeNull();
    const closed: StoredEvent = { ...envelope(3), type: 'vote.closed', data: { voteId: ANONYMOUS.id, closedAt, closedBy, result } };
    const [shown] = redactEvents([closed], anonymityIn(closedState));
    expect(shown?.type === 'vote.closed' && shown.data.result).toEqual({ ...result, participation: null });
    const vote = redactState(closedState).votes[ANONYMOUS.id];
    expect(vote?.status === 'closed' && vote.result.participation).toBeNull();
    const publicClosed: StoredEvent = { ...closed, data: { ...closed.data, voteId: PUBLIC.id } };
    expect(redactEvents([publicClosed], anonymityIn(closedState))).toEqual([publicClosed]);
  });

  it('D34 events without ballots come back as the very same array (no copy on the hot path)', () => {
    const events = [other];
    expect(redactEvents(events, anonymityIn(state))).toBe(events);
  });

  it('D34 state and snapshots go out with every vote emptied of ballots, the server state untouched', () => {
    const redacted = redactState(state);
    expect(Object.values(redacted.votes).map((v) => v.ballots)).toEqual([[], []]);
    expect(state.votes[PUBLIC.id]?.ballots).toHaveLength(1);
    const snapshot = catchUpToWire({ kind: 'snapshot', state }, MEMBER_READER, state);
    expect(JSON.stringify(snapshot)).not.toContain('"choice"');
  });
});
