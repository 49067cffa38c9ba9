import { describe, expect, it } from 'vitest';
import type { ClosedVote } from '@verbund/shared/votes';
import type { Actor } from '../actor.js';
import { closeVote } from './close.js';
import { mayCloseVote, mayOpenVote, mayRecordOutcome } from './may-manage.js';
import { voteRefusalError } from './vote-errors.js';
import { ELIGIBLE, at, openVote, partner, person, prioritisationConfig, settings } from '../../test-support/vote-fixtures.js';

const actor = (p: number, k: number, ...roles: Actor['roles'][number][]): Actor => ({ personId: person(p, k), partnerId: partner(p), roles });
const member = actor(2, 2, 'member');
const moderator = actor(3, 1, 'member', 'moderator');
const admin = actor(4, 1, 'admin');
const opener = actor(1, 1, 'member');

describe('opening', () => {
  it('D2 any member opens a vote about cards; a prioritisation is always about cards', () => {
    expect(mayOpenVote(member, settings({ cardIds: [partner(9)] }), ELIGIBLE, at(0))).toEqual({ ok: true });
    expect(mayOpenVote(member, settings({ cardIds: [], config: prioritisationConfig() }), ELIGIBLE, at(0)).ok).toBe(true);
    expect(mayOpenVote({ ...member, roles: [] }, settings(), ELIGIBLE, at(0))).toEqual({ ok: false, reason: 'not_a_member' });
  });

  it('D2 a vote about no card needs a moderator or admin', () => {
    const standalone = settings({ cardIds: [] });
    expect(mayOpenVote(member, standalone, ELIGIBLE, at(0))).toEqual({ ok: false, reason: 'standalone_needs_moderator' });
    expect(mayOpenVote(moderator, standalone, ELIGIBLE, at(0)).ok).toBe(true);
    expect(mayOpenVote(admin, standalone, ELIGIBLE, at(0)).ok).toBe(true);
  });

  it('D37 an anonymous vote opens only with results after close', () => {
    for (const visibility of ['live', 'after_own_ballot'] as const) {
      expect(mayOpenVote(moderator, settings({ counting: 'person', anonymous: true, visibility }), ELIGIBLE, at(0))).toEqual({ ok: false, reason: 'anonymous_needs_after_close' });
    }
    expect(mayOpenVote(moderator, settings({ counting: 'person', anonymous: true, visibility: 'after_close' }), ELIGIBLE, at(0)).ok).toBe(true);
    expect(voteRefusalError('anonymous_needs_after_close').code).toBe('invalid_payload');
  });

  it('D6 the closing time lies ahead and the quorum is reachable', () => {
    expect(mayOpenVote(member, settings({ closesAt: at(0) }), ELIGIBLE, at(0))).toEqual({ ok: false, reason: 'closes_in_past' });
    expect(mayOpenVote(member, settings({ closesAt: null }), ELIGIBLE, at(0)).ok).toBe(true);
    expect(mayOpenVote(member, settings({ quorum: { minPartners: 5 } }), ELIGIBLE, at(0))).toEqual({ ok: false, reason: 'quorum_unreachable' });
    expect(mayOpenVote(member, settings({ quorum: { minPartners: 4 } }), ELIGIBLE, at(0)).ok).toBe(true);
  });
});

describe('closing by hand', () => {
  it('D25 the opener or a moderator, while open', () => {
    const vote = openVote({ openedBy: opener.personId });
    expect(mayCloseVote(vote, opener).ok).toBe(true);
    expect(mayCloseVote(vote, moderator).ok).toBe(true);
    expect(mayCloseVote(vote, member)).toEqual({ ok: false, reason: 'not_opener_or_moderator' });
    expect(mayCloseVote(vote, admin)).toEqual({ ok: false, reason: 'not_opener_or_moderator' });
    const closed = closeVote(vote, { by: 'schedule' }) as ClosedVote;
    expect(mayCloseVote(closed, moderator)).toEqual({ ok: false, reason: 'vote_closed' });
  });
});

describe('outcome statement', () => {
  it('D28 after close, once, by the opener or a moderator', () => {
    const vote = openVote({ openedBy: opener.personId });
    expect(mayRecordOutcome(vote, opener)).toEqual({ ok: false, reason: 'vote_open' });
    const closed = closeVote(vote, { by: 'schedule' }) as ClosedVote;
    expect(mayRecordOutcome(closed, opener).ok).toBe(true);
    expect(mayRecordOutcome(closed, moderator).ok).toBe(true);
    expect(mayRecordOutcome(closed, member)).toEqual({ ok: false, reason: 'not_opener_or_moderator' });
    const recorded: ClosedVote = { ...closed, outcome: { text: 'Angenommen.', by: opener.personId, at: at(61) } };
    expect(mayRecordOutcome(recorded, moderator)).toEqual({ ok: false, reason: 'outcome_recorded' });
  });
});

describe('errors', () => {
  it('refusals map to the shared error vocabulary', () => {
    expect(voteRefusalError('not_representative')).toEqual({ code: 'forbidden', reason: 'not_representative', message: 'not_representative' });
    expect(voteRefusalError('past_closing_time').code).toBe('conflict');
    expect(voteRefusalError('too_many_points').code).toBe('invalid_payload');
  });
});
