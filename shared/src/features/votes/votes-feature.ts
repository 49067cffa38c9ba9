import { z } from 'zod';
import { defineFeature } from '../../feature.js';
import { voteCommandPayloads, voteEventData, voteSchema } from '../../vote-wire.js';

/** Votes and their ballots; results are recorded when a vote closes (D27). */
export const votesFeature = defineFeature({
  name: 'votes',
  commands: voteCommandPayloads,
  events: voteEventData,
  slice: {
    version: 1,
    /**
     * Votes by id. The server holds every ballot; what clients receive holds none (`ballots` is
     * empty there, rule D34): they see votes through their own `VoteView`.
     */
    shape: { votes: z.record(z.string(), voteSchema) },
    empty: () => ({ votes: {} }),
    containers: ['votes'],
    reducers: {
      'vote.opened': (s, e) => {
        s.votes[e.data.vote.id] = e.data.vote;
      },
      'vote.ballot_cast': (s, e) => {
        const vote = s.votes[e.data.voteId];
        const { ballot } = e.data;
        // A sealed ballot (what clients get) carries no choice: there is nothing to count with it here.
        if (vote && !('sealed' in ballot)) s.votes[vote.id] = { ...vote, ballots: [...vote.ballots, ballot] };
      },
      'vote.closed': (s, e) => {
        const vote = s.votes[e.data.voteId];
        if (vote?.status !== 'open') return;
        const { closedAt, closedBy, result } = e.data;
        s.votes[vote.id] = { ...vote, status: 'closed', closedAt, closedBy, result, outcome: null, decisionId: null };
      },
      'vote.outcome_recorded': (s, e) => {
        const vote = s.votes[e.data.voteId];
        if (vote?.status === 'closed') s.votes[vote.id] = { ...vote, outcome: e.data.outcome, decisionId: e.data.decisionId };
      },
    },
    migrations: {},
  },
  subjects: {
    'vote.opened': (d) => d.vote.id,
    'vote.ballot_cast': (d) => d.voteId,
    'vote.closed': (d) => d.voteId,
    'vote.outcome_recorded': (d) => d.voteId,
  },
});
