import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BALLOT_POSITIONS,
  PASS_RULES,
  type Ballot,
  type BallotChoice,
  type OpenVote,
  type VoteKindConfig,
  voteResultSchema,
} from '@verbund/shared/votes';
import { effectiveBallots, isCountable } from './effective-ballots.js';
import { voterKey, votingUnits } from './eligible.js';
import { computeResult } from './result.js';
import {
  CARDS,
  OPTIONS,
  at,
  choiceConfig,
  openVote,
  partner,
  person,
  prioritisationConfig,
  proposalConfig,
  settings,
  uuid,
} from '../../test-support/vote-fixtures.js';

/**
 * Invariants of counting, fuzzed with fixed seeds (STYLE 10). A universe of five partners with four
 * people each; each vote freezes some of them as eligible, and ballots come from anyone, also from
 * outside the eligible set and after the closing time, so the rules that exclude them are exercised.
 */
const RUNS = { seed: 42, numRuns: 500 } as const;
const UNIVERSE_PARTNERS = [1, 2, 3, 4, 5];
const PEOPLE_PER_PARTNER = [1, 2, 3, 4];

const proposalArb = fc.record({
  passRule: fc.constantFrom(...PASS_RULES),
  reasonMode: fc.constantFrom('off' as const, 'optional' as const, 'required' as const),
}).map(({ passRule, reasonMode }) => proposalConfig(passRule, reasonMode));

const configArb: fc.Arbitrary<VoteKindConfig> = fc.oneof(
  { weight: 3, arbitrary: proposalArb },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }).map(choiceConfig) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 6 }).map(prioritisationConfig) },
);

const choiceArb = (config: VoteKindConfig): fc.Arbitrary<BallotChoice> => {
  switch (config.kind) {
    case 'proposal':
      return fc
        .record({ position: fc.constantFrom(...BALLOT_POSITIONS), reason: fc.option(fc.constant('weil'), { nil: undefined }) })
        .map(({ position, reason }) => (reason === undefined ? { kind: 'proposal', position } : { kind: 'proposal', position, reason }));
    case 'choice':
      return fc.subarray(OPTIONS).map((optionIds) => ({ kind: 'choice', optionIds }));
    case 'prioritisation':
      return fc
        .array(fc.tuple(fc.constantFrom(...CARDS), fc.integer({ min: 0, max: 4 })), { maxLength: 3 })
        .map((pairs) => ({ kind: 'prioritisation', allocations: Object.fromEntries(pairs) }));
  }
};

const ballotArb = (config: VoteKindConfig): fc.Arbitrary<Ballot> =>
  fc
    .record({
      p: fc.constantFrom(...UNIVERSE_PARTNERS),
      k: fc.constantFrom(...PEOPLE_PER_PARTNER),
      minute: fc.integer({ min: 1, max: 70 }),
      choice: choiceArb(config),
    })
    .map(({ p, k, minute, choice }) => ({ personId: person(p, k), partnerId: partner(p), castAt: at(minute), choice }));

/** A vote with an eligible set frozen from the universe (some people of eligible partners joined later). */
const voteArb: fc.Arbitrary<OpenVote> = fc
  .record({
    config: configArb,
    counting: fc.constantFrom('person' as const, 'partner' as const),
    partners: fc.subarray(UNIVERSE_PARTNERS, { minLength: 1 }),
    dropped: fc.subarray(PEOPLE_PER_PARTNER.flatMap((k) => UNIVERSE_PARTNERS.map((p) => person(p, k)))),
    minPartners: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    closes: fc.boolean(),
  })
  .chain(({ config, counting, partners, dropped, minPartners, closes }) =>
    fc.array(ballotArb(config), { maxLength: 30 }).map((ballots) =>
      openVote({
        settings: settings({
          config,
          counting,
          quorum: minPartners === undefined ? {} : { minPartners },
          closesAt: closes ? at(60) : null,
        }),
        eligible: {
          partnerIds: partners.map(partner).sort(),
          personIds: partners
            .flatMap((p) => PEOPLE_PER_PARTNER.map((k) => person(p, k)))
            .filter((id) => !dropped.includes(id))
            .sort(),
        },
        ballots,
      }),
    ),
  );

/** A permutation of the vote's ballots. */
const withShuffledBallots = (vote: OpenVote) =>
  fc.shuffledSubarray(vote.ballots, { minLength: vote.ballots.length, maxLength: vote.ballots.length }).map((ballots) => ({ ...vote, ballots }));

/** Keeps the first ballot of each voice, so that every voice casts once. */
const distinctVoices = (vote: OpenVote): OpenVote => {
  const seen = new Set<string>();
  const ballots = vote.ballots.filter((b) => {
    const key = voterKey(vote, b);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ...vote, ballots };
};

/** Gives every ballot its own time, in history order, so that no two ballots tie. */
const distinctTimes = (vote: OpenVote): OpenVote => ({
  ...vote,
  ballots: vote.ballots.map((b, i) => ({ ...b, castAt: `2026-05-04T10:${String(i).padStart(2, '0')}:30.000Z` })),
});

describe('vote counting properties', () => {
  it('D27 the result does not depend on the order of ballots of different voices', () => {
    fc.assert(
      fc.property(
        voteArb.map(distinctVoices).chain((vote) => fc.tuple(fc.constant(vote), withShuffledBallots(vote))),
        ([vote, shuffled]) => {
          expect(computeResult(shuffled)).toEqual(computeResult(vote));
        },
      ),
      RUNS,
    );
  });

  it('D12 D27 nor on the order of the history when ballot times are distinct', () => {
    fc.assert(
      fc.property(
        voteArb.map(distinctTimes).chain((vote) => fc.tuple(fc.constant(vote), withShuffledBallots(vote))),
        ([vote, shuffled]) => {
          expect(computeResult(shuffled)).toEqual(computeResult(vote));
        },
      ),
      RUNS,
    );
  });

  it('D12 only the last ballot of a voice counts: dropping superseded ballots changes nothing', () => {
    fc.assert(
      fc.property(voteArb, (vote) => {
        const lastOnly = { ...vote, ballots: effectiveBallots(vote).map((e) => e.ballot) };
        expect(computeResult(lastOnly)).toEqual(computeResult(vote));
      }),
      RUNS,
    );
  });

  it('D12 a new latest ballot replaces the voice’s earlier ones', () => {
    fc.assert(
      fc.property(
        voteArb.chain((vote) => fc.tuple(fc.constant(vote), ballotArb(vote.settings.config))),
        ([vote, extra]) => {
          const latest: Ballot = { ...extra, castAt: at(59) };
          fc.pre(isCountable(vote, latest));
          const history = vote.ballots.filter((b) => b.castAt < at(59));
          const appended = { ...vote, ballots: [...history, latest] };
          const key = voterKey(vote, latest);
          const withoutEarlier = { ...appended, ballots: [...history.filter((b) => voterKey(vote, b) !== key), latest] };
          expect(computeResult(appended)).toEqual(computeResult(withoutEarlier));
        },
      ),
      RUNS,
    );
  });

  it('D23 a counted block always defeats a proposal under unanimity and consent', () => {
    fc.assert(
      fc.property(
        voteArb.filter((v) => v.eligible.personIds.length > 0),
        fc.constantFrom('unanimity' as const, 'consent' as const),
        fc.nat(),
        (vote, passRule, pick) => {
          const blocker = vote.eligible.personIds[pick % vote.eligible.personIds.length] ?? '';
          const asProposal = (b: Ballot): Ballot =>
            b.choice.kind === 'proposal' ? b : { ...b, choice: { kind: 'proposal', position: 'agree' } };
          const proposal: OpenVote = {
            ...vote,
            settings: { ...vote.settings, config: proposalConfig(passRule, 'optional') },
            ballots: [
              ...vote.ballots.filter((b) => b.castAt < at(59)).map(asProposal),
              { personId: blocker, partnerId: partnerOf(blocker), castAt: at(59), choice: { kind: 'proposal', position: 'block' } },
            ],
          };
          const result = computeResult(proposal);
          expect(result.tally.options.block).toBeGreaterThan(0);
          expect(result.verdict).not.toBe('passed');
        },
      ),
      RUNS,
    );
  });

  it('D13 ballots from outside the eligible set never count, wherever they stand', () => {
    fc.assert(
      fc.property(
        voteArb.chain((vote) =>
          fc.tuple(fc.constant(vote), fc.array(ballotArb(vote.settings.config), { maxLength: 10 }), fc.nat()),
        ),
        ([vote, extra, cut]) => {
          const eligible = (b: Ballot) => vote.eligible.personIds.includes(b.personId) && vote.eligible.partnerIds.includes(b.partnerId);
          const outsiders = extra
            .filter((b) => !eligible(b))
            .concat({ personId: uuid(999), partnerId: partner(1), castAt: at(30), choice: extra[0]?.choice ?? { kind: 'choice', optionIds: [] } });
          const split = cut % (vote.ballots.length + 1);
          const mixed = { ...vote, ballots: [...vote.ballots.slice(0, split), ...outsiders, ...vote.ballots.slice(split)] };
          const result = computeResult(mixed);
          expect(result).toEqual(computeResult(vote));
          // An anonymous vote records no lists at all (D38).
          expect(result.participation?.people.voted.every((id) => vote.eligible.personIds.includes(id)) ?? vote.settings.anonymous).toBe(true);
          expect(result.participation?.partners.voted.every((id) => vote.eligible.partnerIds.includes(id)) ?? vote.settings.anonymous).toBe(true);
          expect(result.tally.voices).toBeLessThanOrEqual(votingUnits(vote).length);
        },
      ),
      RUNS,
    );
  });

  it('D4 D15 per partner, each partner has at most one voice, however many of its people cast', () => {
    fc.assert(
      fc.property(
        voteArb.map((v) => ({ ...v, settings: { ...v.settings, counting: 'partner' as const, anonymous: false } })),
        (vote) => {
          const { tally } = computeResult(vote);
          expect(tally.voices).toBeLessThanOrEqual(vote.eligible.partnerIds.length);
          for (const counts of Object.values(tally.partners ?? {})) {
            const total = Object.values(counts).reduce((a, b) => a + b, 0);
            const config = vote.settings.config;
            const oneVoice = config.kind === 'proposal' ? 1 : config.kind === 'choice' ? config.maxChoices : config.points;
            expect(total).toBeLessThanOrEqual(oneVoice);
          }
          if (vote.settings.config.kind === 'proposal') {
            expect(Object.values(tally.options).reduce((a, b) => a + b, 0)).toBe(tally.voices);
          }
        },
      ),
      RUNS,
    );
  });

  it('D27 every result fits the shared result schema, so it can be recorded in an event', () => {
    fc.assert(
      fc.property(voteArb, (vote) => {
        expect(voteResultSchema.safeParse(computeResult(vote)).success).toBe(true);
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it('D27 counting never changes the vote it counts', () => {
    fc.assert(
      fc.property(voteArb, (vote) => {
        const before = structuredClone(vote);
        computeResult(vote);
        expect(vote).toEqual(before);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});

/** The partner of a fixture person: person(p, k) is uuid(100p + k). */
function partnerOf(personId: string): string {
  return partner(Math.floor(parseInt(personId.slice(-12), 16) / 100));
}
