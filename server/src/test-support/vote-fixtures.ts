import type {
  Ballot,
  BallotChoice,
  BallotPosition,
  Eligible,
  OpenVote,
  PassRule,
  VoteKindConfig,
  VoteSettings,
} from '@verbund/shared/votes';

/**
 * Builders for the vote tests. Pure and deterministic; kept in test-support so it stays out of the
 * production build.
 */
export const uuid = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** Four partners, three people each: person(p, k) is the k-th person (1..3) of partner p (1..4). */
export const partner = (p: number): string => uuid(p);
export const person = (p: number, k: number): string => uuid(100 * p + k);
export const PARTNERS = [1, 2, 3, 4].map(partner);

export const ELIGIBLE: Eligible = {
  partnerIds: [...PARTNERS].sort(),
  personIds: [1, 2, 3, 4].flatMap((p) => [1, 2, 3].map((k) => person(p, k))).sort(),
};

/** Minutes after 10:00 on a fixed day. */
export const at = (minute: number): string =>
  `2026-05-04T${String(10 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000Z`;

export const proposalConfig = (passRule: PassRule = 'consent', reasonMode: 'off' | 'optional' | 'required' = 'optional'): VoteKindConfig => ({
  kind: 'proposal',
  passRule,
  reasonMode,
});

export const OPTIONS = [uuid(901), uuid(902), uuid(903)];
export const choiceConfig = (maxChoices = 1): VoteKindConfig => ({
  kind: 'choice',
  options: OPTIONS.map((id, i) => ({ id, label: `Option ${i + 1}` })),
  maxChoices,
});

export const CARDS = [uuid(801), uuid(802), uuid(803)];
export const prioritisationConfig = (points = 5): VoteKindConfig => ({ kind: 'prioritisation', points, cardIds: CARDS });

export function settings(over: Partial<VoteSettings> = {}): VoteSettings {
  return {
    title: 'Gemeinsames Serviceportal',
    description: '',
    cardIds: [CARDS[0] ?? ''],
    config: proposalConfig(),
    counting: 'partner',
    partnerBallotBy: 'any_member',
    quorum: {},
    visibility: 'live',
    anonymous: false,
    closesAt: at(60),
    ...over,
  };
}

export function openVote(over: Partial<OpenVote> & { settings?: VoteSettings } = {}): OpenVote {
  return {
    id: uuid(700),
    settings: settings(),
    openedAt: at(0),
    openedBy: person(1, 1),
    eligible: ELIGIBLE,
    ballots: [],
    status: 'open',
    ...over,
  };
}

/** A ballot by person k of partner p. */
export function ballot(p: number, k: number, choice: BallotChoice, minute = 1): Ballot {
  return { personId: person(p, k), partnerId: partner(p), castAt: at(minute), choice };
}

export const pos = (position: BallotPosition, reason?: string): BallotChoice =>
  reason === undefined ? { kind: 'proposal', position } : { kind: 'proposal', position, reason };

export const picks = (...optionIds: string[]): BallotChoice => ({ kind: 'choice', optionIds });

export const points = (allocations: Record<string, number>): BallotChoice => ({ kind: 'prioritisation', allocations });
