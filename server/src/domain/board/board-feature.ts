import type { DomainFeature } from '../feature.js';
import { cardDescription } from './card-description.js';
import { boardDeciders } from './decide-board.js';

/** Boards and cards: decided here, seen by everyone as stored; a card's description is a live document. */
export const boardDomain: DomainFeature<keyof typeof boardDeciders> = {
  name: 'board',
  deciders: boardDeciders,
  documents: { 'card-description': cardDescription },
};
