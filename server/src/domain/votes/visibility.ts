import type { Ballot, Participation, Turnout, Vote, VoteView } from '@verbund/shared/votes';
import { effectiveBallots, type EffectiveBallot } from './effective-ballots.js';
import { redactResult } from './redact.js';
import { participationOf, tallyVote } from './tally.js';

/** Who is looking: a person of a partner (roles do not widen what a viewer sees, D29). */
export type Viewer = { personId: string; partnerId: string };

/** The key of the voice a viewer has or shares: their own, or their partner's (D4). */
const viewerKey = (vote: Vote, viewer: Viewer) => (vote.settings.counting === 'partner' ? viewer.partnerId : viewer.personId);

/**
 * Whether a viewer may see counts now (D29): after close everyone; while open, with `live`
 * everyone, with `after_own_ballot` once their voice (own, or their partner's) is counted, with
 * `after_close` nobody, whatever their role. An anonymous vote shows them after close only, whatever
 * its settings say (D37): a count that moves right after someone voted tells what they chose.
 */
export function resultsVisibleTo(
  vote: Vote,
  viewer: Viewer,
  effective: readonly EffectiveBallot[] = effectiveBallots(vote),
): boolean {
  if (vote.status === 'closed') return true;
  if (vote.settings.anonymous) return false;
  switch (vote.settings.visibility) {
    case 'live':
      return true;
    case 'after_own_ballot':
      return effective.some((e) => e.voterKey === viewerKey(vote, viewer));
    case 'after_close':
      return false;
  }
}

/**
 * Who took part and how many (D31): while open as counted now, after close as recorded. An anonymous
 * vote tells only how many (D38); one closed before D38 still holds the lists, which stay out.
 */
function participationView(vote: Vote, effective: readonly EffectiveBallot[]): { participation: Participation | null; turnout: Turnout } {
  const anonymous = vote.settings.anonymous;
  if (vote.status === 'closed') {
    const { participation, quorum } = vote.result;
    return { participation: anonymous ? null : participation, turnout: { partners: quorum.partners, people: quorum.people } };
  }
  const now = participationOf(vote, effective);
  return { participation: anonymous ? null : now, turnout: { partners: now.partners.voted.length, people: now.people.voted.length } };
}

/**
 * What one viewer receives of a vote (D29–D32). Participation is always there (D31; in anonymous
 * votes as a count, D38); counts and ballots only when visible; who cast what never for anonymous
 * votes (D30); the ballot that counts for the viewer's own voice always (D32). A closed vote shows
 * its recorded result.
 */
export function viewVote(vote: Vote, viewer: Viewer): VoteView {
  const effective = effectiveBallots(vote);
  const visible = resultsVisibleTo(vote, viewer, effective);
  const ownBallot: Ballot | null = effective.find((e) => e.voterKey === viewerKey(vote, viewer))?.ballot ?? null;
  const closed = vote.status === 'closed' ? vote : null;
  return {
    id: vote.id,
    settings: vote.settings,
    openedAt: vote.openedAt,
    openedBy: vote.openedBy,
    eligible: vote.eligible,
    ...(vote.sessionId ? { sessionId: vote.sessionId } : {}),
    status: vote.status,
    closedAt: closed?.closedAt ?? null,
    closedBy: closed?.closedBy ?? null,
    ...participationView(vote, effective),
    tally: visible ? (closed?.result.tally ?? tallyVote(vote, effective)) : null,
    ballots: visible && !vote.settings.anonymous ? vote.ballots : null,
    ownBallot,
    result: closed ? redactResult(closed.result, vote.settings.anonymous) : null,
    outcome: closed?.outcome ?? null,
    decisionId: closed?.decisionId ?? null,
    resultsVisible: visible,
  };
}
