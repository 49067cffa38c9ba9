import { refusal } from '@verbund/shared/errors';
import { mayRunRound, openRound, type Position, type SignoffAnswer, type SignoffRound } from '@verbund/shared/features/positions/positions-feature';
import { deputyshipOn, isRepresentative, type WorkspaceState } from '@verbund/shared/projection';
import type { NewEvent } from '@verbund/shared/events';
import { actorFrom } from '../actor.js';
import { accept, reject, type Deciders, type Decision } from '../decision.js';

export type SignoffCommand = 'position.start_signoff' | 'position.answer_signoff' | 'position.withdraw_signoff';

function withPositionIn(state: WorkspaceState, positionId: string, then: (position: Position) => Decision): Decision {
  const position = state.positions[positionId];
  return position ? then(position) : reject(refusal('not_found', 'position_not_found', 'position not found'));
}

/** The round a command names, open (P11: answers and withdrawals only while it runs). */
function withOpenRound(state: WorkspaceState, positionId: string, roundId: string, then: (position: Position, round: SignoffRound) => Decision): Decision {
  return withPositionIn(state, positionId, (position) => {
    const round = openRound(state.positionRounds[positionId]);
    if (!round || round.id !== roundId) return reject(refusal('conflict', 'round_not_open', 'this sign-off round is not open'));
    return then(position, round);
  });
}

const ended = (positionId: string, roundId: string, outcome: 'adopted' | 'declined' | 'withdrawn', by: string): NewEvent => ({
  type: 'position.signoff_ended',
  data: { positionId, roundId, outcome, by },
});

export const signoffDeciders: Deciders<SignoffCommand> = {
  // P10: from a draft, by a moderator or a member of the lead partner; the text is frozen at the version the server read.
  'position.start_signoff': (state, { payload }, _actor, ctx) =>
    withPositionIn(state, payload.positionId, (position) => {
      if (position.status !== 'draft') return reject(refusal('conflict', 'position_not_draft', 'the position is no longer a draft'));
      const starter = actorFrom(state, payload.round.startedBy);
      if (!starter || !mayRunRound(starter, position)) return reject(refusal('forbidden', 'not_round_runner', 'only a moderator or the lead partner starts the round'));
      if (Object.values(state.positionVersions).some((list) => list.some((v) => v.id === payload.version.id))) {
        return reject(refusal('conflict', 'version_exists', 'a version with this id exists'));
      }
      // P11: every partner active now must answer; later changes of partners do not change who signs.
      const entitled = Object.values(state.partners)
        .filter((p) => p.active)
        .map((p) => p.id)
        .sort();
      const round: SignoffRound = {
        id: payload.round.id,
        versionId: payload.version.id,
        hash: payload.version.hash,
        startedBy: starter.personId,
        startedAt: ctx.now,
        entitled,
        answers: {},
        outcome: null,
        endedAt: null,
        endedBy: null,
      };
      return accept(
        { type: 'position.version_recorded', data: { positionId: position.id, version: payload.version, content: payload.content, authors: payload.authors } },
        { type: 'position.signoff_started', data: { positionId: position.id, round } },
      );
    }),
  // P12: one answer per entitled partner, by its Dezernent or a deputy on the day, on exactly the round's hash.
  'position.answer_signoff': (state, { payload }, actor, ctx) =>
    withOpenRound(state, payload.positionId, payload.roundId, (position, round) => {
      if (payload.hash !== round.hash) return reject(refusal('conflict', 'hash_mismatch', 'the text signed is not the text of the round'));
      if (!round.entitled.includes(payload.partnerId)) return reject(refusal('forbidden', 'partner_not_entitled', 'this partner does not sign in this round'));
      if (!isRepresentative(state, actor.personId, payload.partnerId, ctx.today)) {
        return reject(refusal('forbidden', 'not_representative', 'only the partner’s Dezernent or their deputy answers'));
      }
      if (round.answers[payload.partnerId]) return reject(refusal('conflict', 'already_answered', 'this partner has answered'));
      if (payload.decision === 'decline' && !payload.reason) return reject(refusal('invalid_payload', 'reason_required', 'a decline says why'));
      const dezernent = state.members[actor.personId]?.roles.includes('dezernent');
      const answer: SignoffAnswer = {
        decision: payload.decision === 'approve' ? 'approved' : 'declined',
        by: actor.personId,
        onBehalfOf: dezernent ? null : (deputyshipOn(state, actor.personId, payload.partnerId, ctx.today)?.dezernentId ?? null),
        reason: payload.decision === 'decline' ? payload.reason : null,
        at: ctx.now,
      };
      const answered: NewEvent = { type: 'position.signoff_answered', data: { positionId: position.id, roundId: round.id, partnerId: payload.partnerId, answer } };
      if (answer.decision === 'declined') return accept(answered, ended(position.id, round.id, 'declined', actor.personId));
      // P13: adopted when every partner entitled at the start approved that exact hash.
      const approvedAll = round.entitled.every((id) => id === payload.partnerId || round.answers[id]?.decision === 'approved');
      return approvedAll ? accept(answered, ended(position.id, round.id, 'adopted', actor.personId)) : accept(answered);
    }),
  // P14: whoever may run a round withdraws it; the text is a draft again.
  'position.withdraw_signoff': (state, { payload }, actor) =>
    withOpenRound(state, payload.positionId, payload.roundId, (position, round) =>
      mayRunRound(actor, position)
        ? accept(ended(position.id, round.id, 'withdrawn', actor.personId))
        : reject(refusal('forbidden', 'not_round_runner', 'only a moderator or the lead partner withdraws the round')),
    ),
};
