import type { ReactNode } from 'react';
import type { VoteSettings } from '@verbund/shared/votes';
import type { CommandVariables } from '../../lib/use-command';

/** What the vote form is asked for on an agenda item: the cards, a title to start from, its words and the command it sends. */
export type VoteFormUse = { cardIds: readonly string[]; title: string; heading: string; submit: string; send: (voteId: string, settings: VoteSettings) => CommandVariables };

/**
 * The votes feature's parts the session page shows (M60–M62), handed in by the app: features do
 * not import each other. `voteForm` prepares or opens a vote; `itemVotes` shows the votes an item
 * links, in full on the current item (to vote and close) or as their results.
 */
export type VoteSlots = {
  voteForm: (use: VoteFormUse, onDone: () => void) => ReactNode;
  itemVotes: (voteIds: readonly string[], mode: 'full' | 'result') => ReactNode;
};
