import { z } from 'zod';
import { idSchema } from '../../model.js';
import { voteSettingsSchema } from '../../votes.js';
import type { AgendaItem } from './sessions-feature.js';

export const itemVoteCommands = {
  /**
   * M61: opens a vote on the current agenda item in one action: the vote prepared on the item
   * (`settings` left out, M60) or a quick one (`settings` given). Its entitled come from attendance (M17).
   */
  'session.open_vote': z.strictObject({ sessionId: idSchema, itemId: idSchema, voteId: idSchema, settings: voteSettingsSchema.optional() }),
};

export const itemVoteEvents = {
  /** M62: the vote opened on the item is linked to it; `prepared` says the item's prepared vote was used up. */
  'session.vote_opened': z.strictObject({ sessionId: idSchema, itemId: idSchema, voteId: idSchema, prepared: z.boolean() }),
};

/** M62: the item after a vote was opened on it: the vote among its links, the prepared one used up. */
export function withOpenedVote(item: AgendaItem, voteId: string, prepared: boolean): AgendaItem {
  const voteIds = item.links.voteIds.includes(voteId) ? item.links.voteIds : [...item.links.voteIds, voteId];
  const { preparedVote, ...rest } = item;
  return { ...rest, links: { ...item.links, voteIds }, ...(preparedVote && !prepared ? { preparedVote } : {}) };
}
