import type { CommandOf } from '@verbund/shared/commands';
import type { BallotChoice, BallotPosition, VoteSettings } from '@verbund/shared/votes';
import { nextId } from './builders.js';

/** Builders of the vote commands, bound to one workspace. Deterministic ids (see `nextId`). */
export function voteCommandsFor(workspaceId: string) {
  // Each builder's return type states the command it builds; the cast only joins envelope and payload.
  const envelope = (type: string, payload: unknown) => ({ id: nextId(), workspaceId, type, payload }) as never;
  return {
    open: (settings: VoteSettings, voteId: string = nextId()): CommandOf<'vote.open'> => envelope('vote.open', { voteId, settings }),
    /** M17: opened in a running session, entitled from its attendance. */
    openIn: (sessionId: string, settings: VoteSettings, voteId: string = nextId()): CommandOf<'vote.open'> => envelope('vote.open', { voteId, settings, sessionId }),
    cast: (voteId: string, choice: BallotChoice): CommandOf<'vote.cast'> => envelope('vote.cast', { voteId, choice }),
    close: (voteId: string): CommandOf<'vote.close'> => envelope('vote.close', { voteId }),
    recordOutcome: (voteId: string, text: string, decisionId: string = nextId()): CommandOf<'vote.record_outcome'> =>
      envelope('vote.record_outcome', { voteId, decisionId, text }),
  };
}

export const position = (p: BallotPosition, reason?: string): BallotChoice =>
  reason === undefined ? { kind: 'proposal', position: p } : { kind: 'proposal', position: p, reason };

/** A per-partner consent proposal about the given cards, results live, open until closed by hand. */
export function proposalSettings(cardIds: string[], over: Partial<VoteSettings> = {}): VoteSettings {
  return {
    title: 'Gemeinsames Servicekonto einführen',
    description: '',
    cardIds,
    config: { kind: 'proposal', reasonMode: 'optional', passRule: 'consent' },
    counting: 'partner',
    partnerBallotBy: 'any_member',
    quorum: {},
    visibility: 'live',
    anonymous: false,
    closesAt: null,
    ...over,
  };
}
