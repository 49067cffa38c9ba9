import { describe, expect, it } from 'vitest';
import type { ClosedVote, OpenVote, Visibility } from '@verbund/shared/votes';
import { closeVote } from './close.js';
import { computeResult } from './result.js';
import { resultsVisibleTo, viewVote } from './visibility.js';
import { at, ballot, openVote, partner, person, pos, settings } from '../../test-support/vote-fixtures.js';

const viewer = (p: number, k: number) => ({ personId: person(p, k), partnerId: partner(p) });
const withVisibility = (visibility: Visibility, counting: 'person' | 'partner' = 'person', anonymous = false): OpenVote =>
  openVote({
    settings: settings({ visibility, counting, anonymous }),
    ballots: [ballot(1, 1, pos('agree', 'gut'), 1), ballot(2, 1, pos('block', 'Datenschutz'), 2)],
  });
const close = (vote: OpenVote) => closeVote(vote, { by: 'person', personId: person(1, 1), at: at(50) }) as ClosedVote;

describe('visibility', () => {
  it('D29 live: everyone sees counts and ballots while open', () => {
    const view = viewVote(withVisibility('live'), viewer(4, 1));
    expect(view.resultsVisible).toBe(true);
    expect(view.tally?.options).toEqual({ agree: 1, abstain: 0, disagree: 0, block: 1 });
    expect(view.ballots).toHaveLength(2);
    expect(view.result).toBeNull();
  });

  it('D29 after_own_ballot: only once the viewer has voted', () => {
    const vote = withVisibility('after_own_ballot');
    expect(viewVote(vote, viewer(1, 1)).tally).not.toBeNull();
    const other = viewVote(vote, viewer(1, 2));
    expect([other.resultsVisible, other.tally, other.ballots]).toEqual([false, null, null]);
  });

  it('D29 after_own_ballot per partner: once the partner has voted, its people see', () => {
    const vote = withVisibility('after_own_ballot', 'partner');
    expect(resultsVisibleTo(vote, viewer(1, 3))).toBe(true);
    expect(resultsVisibleTo(vote, viewer(3, 1))).toBe(false);
  });

  it('D29 after_close: nobody while open, whoever opened it; everyone after close', () => {
    const vote = withVisibility('after_close');
    expect(resultsVisibleTo(vote, viewer(1, 1))).toBe(false);
    expect(viewVote(vote, viewer(1, 1)).tally).toBeNull();
    const closedView = viewVote(close(vote), viewer(3, 3));
    expect(closedView.resultsVisible).toBe(true);
    expect(closedView.result?.verdict).toBe('rejected');
    expect(closedView.tally).toEqual(closedView.result?.tally);
    expect(closedView.ballots).toHaveLength(2);
  });

  it('D30 anonymous: never who cast what, not even after close; no per-partner breakdown', () => {
    const vote = withVisibility('after_close', 'person', true);
    expect(viewVote(vote, viewer(3, 1)).ballots).toBeNull();
    const closed = viewVote(close(vote), viewer(3, 1));
    expect(closed.tally?.options.block).toBe(1);
    expect(closed.ballots).toBeNull();
    expect(closed.result?.tally.partners).toBeNull();
  });

  it('D37 anonymous: no count while open for anyone, whatever the stored visibility says, the voters included', () => {
    for (const mode of ['live', 'after_own_ballot', 'after_close'] as const) {
      const vote = withVisibility(mode, 'person', true);
      for (const who of [viewer(1, 1), viewer(2, 1), viewer(4, 2)]) {
        expect([resultsVisibleTo(vote, who), viewVote(vote, who).tally]).toEqual([false, null]);
      }
      expect(viewVote(close(vote), viewer(4, 2)).tally?.options).toEqual({ agree: 1, abstain: 0, disagree: 0, block: 1 });
    }
  });

  it('D31 participation is visible to everyone, in every mode', () => {
    for (const mode of ['live', 'after_own_ballot', 'after_close'] as const) {
      const view = viewVote(withVisibility(mode, 'person'), viewer(4, 2));
      expect(view.participation?.people.voted).toEqual([person(1, 1), person(2, 1)]);
      expect(view.participation?.partners.notYet).toEqual([partner(3), partner(4)]);
      expect(view.turnout).toEqual({ partners: 2, people: 2 });
    }
  });

  it('D38 anonymous: how many voted, never who, while open and after close (also for a vote closed before D38)', () => {
    const vote = withVisibility('after_close', 'person', true);
    const closed = close(vote);
    const legacy: ClosedVote = { ...closed, result: computeResult(withVisibility('after_close', 'person')) };
    for (const shown of [vote, closed, legacy]) {
      const view = viewVote(shown, viewer(4, 2));
      expect([view.participation, view.turnout]).toEqual([null, { partners: 2, people: 2 }]);
      expect(view.result?.participation ?? null).toBeNull();
    }
  });

  it('D32 the viewer always sees the ballot that counts for their voice', () => {
    expect(viewVote(withVisibility('after_close'), viewer(2, 1)).ownBallot?.choice).toEqual(pos('block', 'Datenschutz'));
    expect(viewVote(withVisibility('after_close', 'person', true), viewer(2, 1)).ownBallot?.personId).toBe(person(2, 1));
    expect(viewVote(withVisibility('after_close'), viewer(2, 2)).ownBallot).toBeNull();
    expect(viewVote(withVisibility('after_close', 'partner'), viewer(2, 2)).ownBallot?.personId).toBe(person(2, 1));
  });
});
