import { describe, expect, it } from 'vitest';
import type { ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import { AT, PARTNER_BS, PARTNER_WOB, stateWith, uuid } from '../../test/fixtures';
import { speakerQueueView } from './speaker-queue-view';

const [MODERATOR, ANNA, JONAS, LENA, GUEST, ITEM] = [uuid(), uuid(), uuid(), uuid(), uuid(), uuid()];

function fixture(state: ModeratedSession['state'] = 'running') {
  const s = stateWith([]);
  for (const [personId, partnerId] of [[MODERATOR, PARTNER_WOB], [ANNA, PARTNER_WOB], [JONAS, PARTNER_WOB], [LENA, PARTNER_BS]] as const) {
    s.members[personId] = { personId, partnerId, roles: ['member'], active: true, erased: false, joinedAt: AT };
  }
  const session: ModeratedSession = {
    id: uuid(), title: 'Sitzung', startsAt: AT, place: null, link: null, coModeratorIds: [], state, moderatorId: MODERATOR,
    items: [{ id: ITEM, title: 'Punkt', plannedMinutes: 10, links: { cardIds: [], voteIds: [], positionIds: [] }, spans: [{ from: AT, to: null }], deferred: null }],
    currentItemId: state === 'running' ? ITEM : null, startedAt: AT, endedAt: null, createdAt: AT, updatedAt: AT,
  };
  const hand = (personId: string, partnerId: string) => ({ personId, partnerId, itemId: ITEM, raisedAt: AT });
  s.sessions[session.id] = session;
  s.sessionSpeakers[session.id] = {
    rules: { limitSeconds: null, partnerBalance: true },
    pointsOfOrder: [],
    hands: [hand(JONAS, PARTNER_WOB), hand(LENA, PARTNER_BS)],
    contributions: [{ personId: ANNA, partnerId: PARTNER_WOB, itemId: ITEM, pointOfOrder: false, from: AT, to: null }],
  };
  return { s, session };
}

describe('speaker queue view (docs/session-rules.md, M20–M27)', () => {
  it('M21 M24 each person sees the queue, their own place, who speaks and who is called next', () => {
    const { s, session } = fixture();
    const lena = speakerQueueView(s, session, LENA);
    expect(lena.entries.map((e) => e.personId)).toEqual([JONAS, LENA]);
    expect(lena.myPlace).toBe(2);
    expect(lena.speaking?.personId).toBe(ANNA);
    // Partner balance: Wolfsburg spoke (Anna), so Braunschweig's Lena is next though second in line.
    expect(lena.next?.personId).toBe(LENA);
    expect(lena.mayRun).toBe(false);
    expect(lena.mayRaise).toBe(true);
    expect(speakerQueueView(s, session, MODERATOR)).toMatchObject({ mayRun: true, myPlace: null });
  });

  it('M20 a guest (no member of the workspace) follows the queue but stands in none; without a current item nobody does', () => {
    const { s, session } = fixture();
    expect(speakerQueueView(s, session, GUEST)).toMatchObject({ mayRaise: false, myPlace: null });
    const planned = fixture('planned');
    expect(speakerQueueView(planned.s, planned.session, ANNA)).toMatchObject({ open: false, mayRaise: false, entries: [], next: null });
  });
});
