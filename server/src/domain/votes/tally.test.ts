import { describe, expect, it } from 'vitest';
import { participationOf, tallyVote } from './tally.js';
import {
  CARDS,
  ELIGIBLE,
  OPTIONS,
  ballot,
  choiceConfig,
  openVote,
  partner,
  person,
  picks,
  points,
  pos,
  prioritisationConfig,
  settings,
} from '../../test-support/vote-fixtures.js';

const [o1 = '', o2 = '', o3 = ''] = OPTIONS;
const [c1 = '', c2 = '', c3 = ''] = CARDS;

describe('tallyVote', () => {
  it('D14 proposal: one per position, every position listed', () => {
    const vote = openVote({
      settings: settings({ counting: 'person' }),
      ballots: [ballot(1, 1, pos('agree')), ballot(1, 2, pos('agree')), ballot(2, 1, pos('block'))],
    });
    expect(tallyVote(vote).options).toEqual({ agree: 2, abstain: 0, disagree: 0, block: 1 });
    expect(tallyVote(vote).voices).toBe(3);
  });

  it('D14 choice: one per voice that picked an option', () => {
    const vote = openVote({
      settings: settings({ counting: 'person', config: choiceConfig(2) }),
      ballots: [ballot(1, 1, picks(o1, o2)), ballot(2, 1, picks(o2)), ballot(3, 1, picks())],
    });
    expect(tallyVote(vote).options).toEqual({ [o1]: 1, [o2]: 2, [o3]: 0 });
    expect(tallyVote(vote).voices).toBe(3);
  });

  it('D14 prioritisation: points summed per card', () => {
    const vote = openVote({
      settings: settings({ counting: 'person', config: prioritisationConfig(5) }),
      ballots: [ballot(1, 1, points({ [c1]: 3, [c2]: 2 })), ballot(2, 1, points({ [c2]: 5 }))],
    });
    expect(tallyVote(vote).options).toEqual({ [c1]: 3, [c2]: 7, [c3]: 0 });
  });

  it('D15 per partner, counting per person: the sum over its people', () => {
    const vote = openVote({
      settings: settings({ counting: 'person' }),
      ballots: [ballot(1, 1, pos('agree')), ballot(1, 2, pos('disagree')), ballot(1, 3, pos('agree'))],
    });
    const perPartner = tallyVote(vote).partners;
    expect(perPartner?.[partner(1)]).toEqual({ agree: 2, abstain: 0, disagree: 1, block: 0 });
    expect(perPartner?.[partner(2)]).toEqual({ agree: 0, abstain: 0, disagree: 0, block: 0 });
  });

  it('D15 per partner, counting per partner: its one ballot, however many of its people cast', () => {
    const vote = openVote({
      settings: settings({ counting: 'partner' }),
      ballots: [ballot(1, 1, pos('agree'), 1), ballot(1, 2, pos('disagree'), 2), ballot(1, 3, pos('abstain'), 3)],
    });
    const t = tallyVote(vote);
    expect(t.options).toEqual({ agree: 0, abstain: 1, disagree: 0, block: 0 });
    expect(t.partners?.[partner(1)]).toEqual({ agree: 0, abstain: 1, disagree: 0, block: 0 });
    expect(t.voices).toBe(1);
  });

  it('D30 anonymous votes have no per-partner breakdown', () => {
    const vote = openVote({ settings: settings({ counting: 'person', anonymous: true }), ballots: [ballot(1, 1, pos('agree'))] });
    expect(tallyVote(vote).partners).toBeNull();
    expect(tallyVote(vote).options.agree).toBe(1);
  });
});

describe('participationOf', () => {
  it('D16 per person: who has voted and who not yet; a partner has voted when one of its people has', () => {
    const vote = openVote({ settings: settings({ counting: 'person' }), ballots: [ballot(2, 3, pos('abstain'))] });
    const p = participationOf(vote);
    expect(p.partners).toEqual({ voted: [partner(2)], notYet: [partner(1), partner(3), partner(4)] });
    expect(p.people.voted).toEqual([person(2, 3)]);
    expect(p.people.notYet).toHaveLength(ELIGIBLE.personIds.length - 1);
  });

  it('D16 per partner: partners voted and not yet; people are the casters of the counted ballots', () => {
    const vote = openVote({
      settings: settings({ counting: 'partner' }),
      ballots: [ballot(3, 1, pos('agree'), 1), ballot(3, 2, pos('agree'), 2)],
    });
    expect(participationOf(vote)).toEqual({
      partners: { voted: [partner(3)], notYet: [partner(1), partner(2), partner(4)] },
      people: { voted: [person(3, 2)], notYet: [] },
    });
  });
});
