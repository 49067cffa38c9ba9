import type { DomainFeature } from '../feature.js';
import { boardDeciders } from './decide-board.js';

/** Boards and cards: decided here, seen by everyone as stored. */
export const boardDomain: DomainFeature<keyof typeof boardDeciders> = {
  name: 'board',
  deciders: boardDeciders,
};
