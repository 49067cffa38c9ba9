import type { TFunction } from 'i18next';
import type { Person, Partner } from '@verbund/shared/model';
import type { Ballot, BallotChoice, VoteSettings, VoteView } from '@verbund/shared/votes';

/** Names of what a vote counts: positions, listed options or cards, in the vote's own order. */
export function optionLabel(t: TFunction, settings: VoteSettings, key: string, cardTitle: (id: string) => string): string {
  const config = settings.config;
  if (config.kind === 'proposal') return t(`votes.position.${key}`);
  if (config.kind === 'choice') return config.options.find((o) => o.id === key)?.label ?? key;
  return cardTitle(key);
}

export function describeChoice(t: TFunction, settings: VoteSettings, choice: BallotChoice, cardTitle: (id: string) => string): string {
  switch (choice.kind) {
    case 'proposal':
      return choice.reason ? `${t(`votes.position.${choice.position}`)} – „${choice.reason}“` : t(`votes.position.${choice.position}`);
    case 'choice':
      return choice.optionIds.length === 0 ? t('votes.noPick') : choice.optionIds.map((id) => optionLabel(t, settings, id, cardTitle)).join(', ');
    case 'prioritisation': {
      const given = Object.entries(choice.allocations).filter(([, n]) => n > 0);
      return given.length === 0 ? t('votes.noPoints') : given.map(([id, n]) => `${cardTitle(id)}: ${n}`).join(', ');
    }
  }
}

/** One line saying how the vote is counted and shown. */
export function settingsSummary(t: TFunction, settings: VoteSettings): string {
  const parts = [t(`votes.kind.${settings.config.kind}`), t(`votes.counting.${settings.counting}`)];
  if (settings.config.kind === 'proposal') parts.push(t(`votes.passRule.${settings.config.passRule}`));
  if (settings.counting === 'partner') parts.push(t(`votes.partnerBallotBy.${settings.partnerBallotBy}`));
  // An anonymous vote shows results after close only, whatever a vote stored before D37 says.
  parts.push(t(`votes.visibility.${settings.anonymous ? 'after_close' : settings.visibility}`));
  if (settings.anonymous) parts.push(t('votes.anonymous'));
  if (settings.quorum.minPartners) parts.push(t('votes.quorumPartners', { count: settings.quorum.minPartners }));
  if (settings.quorum.minPeople) parts.push(t('votes.quorumPeople', { count: settings.quorum.minPeople }));
  return parts.join(' · ');
}

export function ballotAuthor(t: TFunction, ballot: Ballot, people: readonly Person[], partners: Record<string, Partner>): string {
  const name = people.find((p) => p.id === ballot.personId)?.name;
  const partner = partners[ballot.partnerId]?.shortName ?? '';
  const author = name ? `${name} (${partner})` : t('votes.formerMember', { partner });
  if (!ballot.onBehalfOf) return author;
  const principal = people.find((p) => p.id === ballot.onBehalfOf)?.name || t('votes.formerMember', { partner });
  return t('votes.onBehalfOf', { author, principal });
}

/** Who is looking: their person, their partner, and whether they may sign for that partner today (A4, D11). */
export type Voter = { personId: string; partnerId: string; representative: boolean };

/**
 * Whether the person may cast in this vote: open, in its frozen eligible set (D3, D10), and for a
 * partner ballot that only representatives cast, the partner's dezernent or deputy (D11). The server still decides.
 */
export function mayTakePart(view: VoteView, voter: Voter): boolean {
  if (view.status !== 'open' || !view.eligible.personIds.includes(voter.personId) || !view.eligible.partnerIds.includes(voter.partnerId)) return false;
  return view.settings.counting === 'person' || view.settings.partnerBallotBy === 'any_member' || voter.representative;
}

/** Open votes this person could vote in and whose voice has no ballot yet (D16, D32). */
export function waitingFor(views: readonly VoteView[], voter: Voter): VoteView[] {
  return views.filter((v) => mayTakePart(v, voter) && v.ownBallot === null);
}
