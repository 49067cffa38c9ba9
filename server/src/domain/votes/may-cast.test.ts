import { describe, expect, it } from 'vitest';
import type { ClosedVote } from '@verbund/shared/votes';
import { mayCast, type CastContext } from './may-cast.js';
import { closeVote } from './close.js';
import { at, openVote, partner, person, settings, uuid } from '../../test-support/vote-fixtures.js';

const nobody: CastContext = { isRepresentative: () => false };
const everyone: CastContext = { isRepresentative: () => true };
const caster = (p: number, k: number) => ({ personId: person(p, k), partnerId: partner(p) });

describe('mayCast', () => {
  it('D10 an eligible person may cast while the vote is open, before the closing time', () => {
    const vote = openVote({ settings: settings({ counting: 'person', closesAt: at(30) }) });
    expect(mayCast(vote, caster(2, 2), at(29), nobody)).toEqual({ ok: true, voterKey: person(2, 2) });
    expect(mayCast(vote, caster(2, 2), at(30), nobody)).toEqual({ ok: false, reason: 'past_closing_time' });
  });

  it('D10 nobody casts in a closed vote', () => {
    const closed = closeVote(openVote(), { by: 'person', personId: person(1, 1), at: at(5) }) as ClosedVote;
    expect(mayCast(closed, caster(2, 2), at(6), everyone)).toEqual({ ok: false, reason: 'vote_closed' });
  });

  it('D10 without a closing time the vote takes ballots until closed', () => {
    const vote = openVote({ settings: settings({ closesAt: null }) });
    expect(mayCast(vote, caster(1, 1), '2030-01-01T00:00:00.000Z', everyone).ok).toBe(true);
  });

  it('D10 a partner or person added after opening may not cast', () => {
    const vote = openVote();
    expect(mayCast(vote, { personId: uuid(990), partnerId: uuid(5) }, at(1), everyone)).toEqual({ ok: false, reason: 'partner_not_eligible' });
    expect(mayCast(vote, { personId: uuid(990), partnerId: partner(1) }, at(1), everyone)).toEqual({ ok: false, reason: 'person_not_eligible' });
  });

  it('D11 representative: only whom isRepresentative names at the time of casting', () => {
    const vote = openVote({ settings: settings({ counting: 'partner', partnerBallotBy: 'representative' }) });
    const asked: unknown[] = [];
    const ctx: CastContext = {
      isRepresentative: (personId, partnerId, when) => {
        asked.push([personId, partnerId, when]);
        return personId === person(3, 2);
      },
    };
    expect(mayCast(vote, caster(3, 2), at(7), ctx)).toEqual({ ok: true, voterKey: partner(3) });
    expect(mayCast(vote, caster(3, 1), at(7), ctx)).toEqual({ ok: false, reason: 'not_representative' });
    expect(asked[0]).toEqual([person(3, 2), partner(3), at(7)]);
  });

  it('D11 any_member: every eligible person of the partner casts its ballot', () => {
    const vote = openVote({ settings: settings({ counting: 'partner', partnerBallotBy: 'any_member' }) });
    expect(mayCast(vote, caster(4, 3), at(1), nobody)).toEqual({ ok: true, voterKey: partner(4) });
  });

  it('D11 a representative appointed after opening is not in the eligible set', () => {
    const vote = openVote({ settings: settings({ counting: 'partner', partnerBallotBy: 'representative' }) });
    expect(mayCast(vote, { personId: uuid(991), partnerId: partner(2) }, at(1), everyone)).toEqual({ ok: false, reason: 'person_not_eligible' });
  });

  it('D11 partnerBallotBy does not matter when counting per person', () => {
    const vote = openVote({ settings: settings({ counting: 'person', partnerBallotBy: 'representative' }) });
    expect(mayCast(vote, caster(2, 3), at(1), nobody).ok).toBe(true);
  });
});
