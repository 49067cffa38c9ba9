import { appError } from '@verbund/shared/errors';
import { deputyshipOn, isRepresentative, type WorkspaceState } from '@verbund/shared/projection';
import { VOTE_LIMITS, voteCardIds, type Ballot, type OpenVote, type Vote } from '@verbund/shared/votes';
import { isSystem, type Actor } from '../actor.js';
import { accept, reject, type Decision, type Deciders } from '../decision.js';
import { checkChoice } from './check-choice.js';
import { closeVote } from './close.js';
import { freezeEligible } from './eligible.js';
import { sessionEligible } from './session-eligible.js';
import { compareInstants } from './instant.js';
import { mayCast } from './may-cast.js';
import { mayCloseVote, mayOpenVote, mayRecordOutcome } from './may-manage.js';
import { voteRefusalError } from './vote-errors.js';

type VoteCommand = 'vote.open' | 'vote.cast' | 'vote.close' | 'vote.record_outcome';

const notFound = () => reject(appError('not_found', 'vote not found'));

function withVote(state: WorkspaceState, voteId: string, then: (vote: Vote) => Decision): Decision {
  const vote = state.votes[voteId];
  return vote ? then(vote) : notFound();
}

export const voteDeciders: Deciders<VoteCommand> = {
  'vote.open': (state, { payload }, actor, ctx) => {
    const { voteId, settings } = payload;
    if (state.votes[voteId]) return reject(appError('conflict', 'a vote with this id exists'));
    const cardIds = voteCardIds(settings);
    if (cardIds.some((id) => !state.cards[id])) return reject(appError('not_found', 'card not found'));
    if (cardIds.some((id) => state.cards[id]?.archived)) return reject(appError('conflict', 'the card is archived'));
    const all = freezeEligible(Object.values(state.partners), activePeople(state));
    const inSession = payload.sessionId === undefined ? null : sessionEligible(state, payload.sessionId, settings, all, actor, ctx.today);
    if (inSession && !inSession.ok) return reject(inSession.error);
    const eligible = inSession ? inSession.eligible : all;
    const allowed = mayOpenVote(actor, settings, eligible, ctx.now);
    if (!allowed.ok) return reject(voteRefusalError(allowed.reason));
    const vote: OpenVote = { id: voteId, settings, openedAt: ctx.now, openedBy: actor.personId, eligible, ballots: [], status: 'open' };
    if (payload.sessionId !== undefined) vote.sessionId = payload.sessionId;
    return accept({ type: 'vote.opened', data: { vote } });
  },
  'vote.cast': (state, { payload }, actor, ctx) =>
    withVote(state, payload.voteId, (vote) => {
      const caster = { personId: actor.personId, partnerId: actor.partnerId };
      // The day of the partners' offices decides whether a deputyship covers the moment (D11).
      const allowed = mayCast(vote, caster, ctx.now, {
        isRepresentative: (personId, partnerId) => isRepresentative(state, personId, partnerId, ctx.today),
      });
      if (!allowed.ok) return reject(voteRefusalError(allowed.reason));
      const problem = checkChoice(vote.settings, payload.choice);
      if (problem) return reject(voteRefusalError(problem));
      if (vote.ballots.length >= VOTE_LIMITS.ballots) return reject(appError('conflict', 'this vote has too many ballots'));
      const ballot: Ballot = { ...caster, castAt: ctx.now, choice: payload.choice };
      // A deputy signing for their partner does so on behalf of the dezernent they stand in for (A4).
      const standIn = vote.settings.counting === 'partner' && !actor.roles.includes('dezernent')
        ? deputyshipOn(state, actor.personId, actor.partnerId, ctx.today)
        : null;
      if (standIn) ballot.onBehalfOf = standIn.dezernentId;
      // D40: the seal, covered by the hash and never sent, keeps the hash from being tested against guesses.
      return accept({ type: 'vote.ballot_cast', data: { voteId: vote.id, ballot, seal: ctx.seal() } });
    }),
  'vote.close': (state, { payload }, actor, ctx) =>
    withVote(state, payload.voteId, (vote) => {
      if (vote.status !== 'open') return reject(voteRefusalError('vote_closed'));
      const closed = isSystem(actor) ? scheduledClose(vote, ctx.now) : manualClose(vote, actor, ctx.now);
      if (!closed.ok) return reject(closed.error);
      const { closedAt, closedBy, result } = closed.vote;
      return accept({ type: 'vote.closed', data: { voteId: vote.id, closedAt, closedBy, result } });
    }),
  'vote.record_outcome': (state, { payload }, actor, ctx) =>
    withVote(state, payload.voteId, (vote) => {
      const allowed = mayRecordOutcome(vote, actor);
      if (!allowed.ok) return reject(voteRefusalError(allowed.reason));
      if (Object.values(state.votes).some((v) => v.status === 'closed' && v.decisionId === payload.decisionId)) {
        return reject(appError('conflict', 'a decision with this id exists'));
      }
      return accept({
        type: 'vote.outcome_recorded',
        data: { voteId: vote.id, decisionId: payload.decisionId, outcome: { text: payload.text, by: actor.personId, at: ctx.now } },
      });
    }),
};

/** D3: the people of the workspace who can act now; deactivated and erased people are not eligible. */
function activePeople(state: WorkspaceState): { id: string; partnerId: string }[] {
  return Object.values(state.members)
    .filter((m) => m.active)
    .map((m) => ({ id: m.personId, partnerId: m.partnerId }));
}

type Closed = { ok: true; vote: Extract<Vote, { status: 'closed' }> } | { ok: false; error: ReturnType<typeof appError> };

/** D26/D35: the server closes a vote only once its closing time has come, dated at that time. */
function scheduledClose(vote: OpenVote, now: string): Closed {
  const { closesAt } = vote.settings;
  if (closesAt === null || compareInstants(closesAt, now) > 0) return { ok: false, error: appError('conflict', 'the vote is not due') };
  const closed = closeVote(vote, { by: 'schedule' });
  return closed ? { ok: true, vote: closed } : { ok: false, error: appError('conflict', 'the vote is not due') };
}

function manualClose(vote: OpenVote, actor: Actor, now: string): Closed {
  const allowed = mayCloseVote(vote, actor);
  if (!allowed.ok) return { ok: false, error: voteRefusalError(allowed.reason) };
  const closed = closeVote(vote, { by: 'person', personId: actor.personId, at: now });
  return closed ? { ok: true, vote: closed } : { ok: false, error: appError('internal', 'could not close') };
}
