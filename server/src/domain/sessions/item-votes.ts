import { refusal } from '@verbund/shared/errors';
import { SESSION_LIMITS } from '@verbund/shared/features/sessions/sessions-feature';
import { reject, type Deciders } from '../decision.js';
import { voteDeciders } from '../votes/decide-votes.js';
import { withRunnable, whileRunning } from './guards.js';

export type ItemVoteCommand = 'session.open_vote';

export const itemVoteDeciders: Deciders<ItemVoteCommand> = {
  /**
   * M61: one who runs the session opens a vote on the item being treated now: the one prepared on
   * it (M60) or the quick one sent along. Everything a vote opened in a session must satisfy is
   * decided by `vote.open` itself (M17: entitled from attendance, recorded with the vote); the item
   * then links to it (M62), so its result shows on the item and in the minutes.
   */
  'session.open_vote': (state, command, actor, ctx) => {
    const { sessionId, itemId, voteId, settings } = command.payload;
    return withRunnable(state, sessionId, actor, (session) =>
      whileRunning(session, () => {
        const item = session.items.find((i) => i.id === itemId);
        if (!item) return reject(refusal('not_found', 'agenda_item_not_found', 'no such agenda item'));
        if (session.currentItemId !== item.id) return reject(refusal('conflict', 'item_not_current', 'a vote is opened on the item being treated now'));
        const chosen = settings ?? item.preparedVote;
        if (!chosen) return reject(refusal('conflict', 'no_prepared_vote', 'the item has no prepared vote; send the settings of a quick one'));
        if (item.links.voteIds.length >= SESSION_LIMITS.links) return reject(refusal('conflict', 'too_many_links', `an item links at most ${SESSION_LIMITS.links} votes`));
        const opened = voteDeciders['vote.open'](state, { ...command, type: 'vote.open', payload: { voteId, settings: chosen, sessionId } }, actor, ctx);
        if (!opened.ok) return opened;
        return { ok: true, events: [...opened.events, { type: 'session.vote_opened', data: { sessionId, itemId, voteId, prepared: settings === undefined } }] };
      }),
    );
  },
};
