import type { DomainFeature } from '../feature.js';
import { cardDescription } from './card-description.js';
import { boardDeciders } from './decide-board.js';
import { anyMember } from '../roles.js';

/** Boards and cards: decided here, seen by everyone as stored; a card's description is a live document. */
export const boardDomain: DomainFeature<keyof typeof boardDeciders> = {
  name: 'board',
  deciders: boardDeciders,
  policy: {
    'card.create': anyMember,
    'card.update': anyMember,
    'card.move': anyMember,
    'card.archive': anyMember,
    'card.restore': anyMember,
    // Only the server mirrors a description document into its card (Y17); a person edits the document.
    'card.describe': () => false,
  },
  systemCommands: ['card.describe'],
  abilities: (actor) => (anyMember(actor) ? ['board.edit'] : []),
  documents: { 'card-description': cardDescription },
};
