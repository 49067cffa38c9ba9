import type { Eligible, VoteSettings } from '@verbund/shared/votes';

/** A member there now, with the partner they belong to. */
export type AttendingPerson = { personId: string; partnerId: string };

/**
 * M17 (D3 in a session): the entitled of a vote opened in a session are taken from who is there at
 * that moment, within the set D3/D33 freeze for the workspace (`all`: active partners, active members).
 * Per person: every member there. Per partner: a partner whose ballot someone there may cast — with
 * `representative` its dezernent or a deputy (`speaksFor`, today's deputyships), with `any_member` any
 * of its members — together with its people there. Guests are never entitled. Sorted and distinct.
 */
export function attendingEligible(
  settings: Pick<VoteSettings, 'counting' | 'partnerBallotBy'>,
  all: Eligible,
  present: readonly AttendingPerson[],
  speaksFor: (personId: string, partnerId: string) => boolean,
): Eligible {
  const here = present.filter((p) => all.partnerIds.includes(p.partnerId) && all.personIds.includes(p.personId));
  const casting =
    settings.counting === 'partner' && settings.partnerBallotBy === 'representative' ? here.filter((p) => speaksFor(p.personId, p.partnerId)) : here;
  const partnerIds = new Set(casting.map((p) => p.partnerId));
  const personIds = new Set(here.filter((p) => partnerIds.has(p.partnerId)).map((p) => p.personId));
  return { partnerIds: [...partnerIds].sort(), personIds: [...personIds].sort() };
}
