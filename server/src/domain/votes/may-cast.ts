import type { Vote } from '@verbund/shared/votes';
import { voterKey } from './eligible.js';
import { isBefore } from './instant.js';

/** Who is casting: a person and the partner they belong to now. */
export type Caster = { personId: string; partnerId: string };

export type CastContext = {
  /**
   * Whether the person speaks for the partner at that moment: its dezernent or, once deputies
   * exist, their deputy (D11). Injected so the domain needs no knowledge of how that is recorded.
   */
  isRepresentative: (personId: string, partnerId: string, at: string) => boolean;
};

export type CastRefusal =
  | 'vote_closed'
  | 'past_closing_time'
  | 'person_not_eligible'
  | 'partner_not_eligible'
  | 'not_representative';

export type CastPermission = { ok: true; voterKey: string } | { ok: false; reason: CastRefusal };

/**
 * Who may cast or change a ballot (D10, D11). `at` is the server's clock at casting. The choice
 * itself is checked separately (`checkChoice`, D7–D9).
 */
export function mayCast(vote: Vote, caster: Caster, at: string, ctx: CastContext): CastPermission {
  if (vote.status !== 'open') return refuse('vote_closed');
  const { closesAt, counting, partnerBallotBy } = vote.settings;
  if (closesAt !== null && !isBefore(at, closesAt)) return refuse('past_closing_time');
  if (!vote.eligible.partnerIds.includes(caster.partnerId)) return refuse('partner_not_eligible');
  if (!vote.eligible.personIds.includes(caster.personId)) return refuse('person_not_eligible');
  if (
    counting === 'partner' &&
    partnerBallotBy === 'representative' &&
    !ctx.isRepresentative(caster.personId, caster.partnerId, at)
  ) {
    return refuse('not_representative');
  }
  return { ok: true, voterKey: voterKey(vote, caster) };
}

const refuse = (reason: CastRefusal): CastPermission => ({ ok: false, reason });
