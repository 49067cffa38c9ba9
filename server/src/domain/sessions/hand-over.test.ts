import { describe, expect, it } from 'vitest';
import { sessionLeadOf } from '@verbund/shared/features/sessions/session-lead';
import type { SessionFocus } from '@verbund/shared/features/sessions/focus';
import { emptyState, type WorkspaceState } from '@verbund/shared/projection';
import { cardFixture, contextAt, testId } from '../../test-support/builders.js';
import { outcome } from '../../test-support/decide-pure.js';
import { littleEngine } from '../../test-support/little-engine.js';
import { sessionCommandsFor } from '../../test-support/session-commands.js';
import type { Actor } from '../actor.js';
import { focusRefusal } from './focus-rule.js';

const WS = testId(40);
const PARTNER = testId(41);
const CARD = testId(42);
/** Claudia moderates, Jonas and Petra co-moderate, Anna only takes part. */
const WHO = { claudia: testId(50), jonas: testId(51), petra: testId(52), anna: testId(53) } as const;
type Who = keyof typeof WHO;
/** The instant `minute` minutes after nine (the domain reads no clock, its tests make none). */
const T = (minute: number) => `2026-12-10T09:${String(minute).padStart(2, '0')}:00.000Z`;
const s = sessionCommandsFor(WS);

function workspace(): WorkspaceState {
  const base = emptyState(WS);
  for (const [who, personId] of Object.entries(WHO)) {
    const roles = who === 'claudia' ? ['member', 'moderator'] : ['member'];
    base.members[personId] = { personId, partnerId: PARTNER, roles, active: true, erased: false, joinedAt: T(0) } as WorkspaceState['members'][string];
  }
  base.cards[CARD] = cardFixture({ id: CARD, boardId: testId(43) });
  return base;
}

/** A running session with two items; `online` is who the server sees connected when it decides. */
function running() {
  const online = new Set<string>(Object.values(WHO));
  const actorOf = (st: WorkspaceState, who: Who): Actor => ({ personId: WHO[who], partnerId: PARTNER, roles: st.members[WHO[who]]?.roles ?? [] });
  const engine = littleEngine(workspace(), actorOf, (now) => contextAt(now, online));
  const create = s.create({ coModeratorIds: [WHO.jonas, WHO.petra] });
  const sessionId = create.payload.sessionId;
  const first = s.addItem(sessionId, { title: 'Punkt 1' });
  const second = s.addItem(sessionId, { title: 'Punkt 2' });
  for (const command of [create, first, second, s.start(sessionId), s.takeUp(sessionId, first.payload.itemId)]) {
    expect(outcome(engine.run('claudia', command, T(1)))).toBe('accepted');
  }
  const session = () => engine.state.sessions[sessionId] ?? (() => { throw new Error('the session is missing'); })();
  const lead = () => sessionLeadOf(engine.state.sessionLeads, session());
  const go = (who: Who, command: Parameters<typeof engine.run>[1], minute = 5) => outcome(engine.run(who, command, T(minute)));
  return { ...engine, online, sessionId, items: [first.payload.itemId, second.payload.itemId], session, lead, go };
}

describe('hand-over (docs/session-rules.md, M40–M44)', () => {
  it('M40 the moderator leads a session until someone takes over', () => {
    const { lead, state, sessionId } = running();
    expect(lead()).toBe(WHO.claudia);
    expect(state.sessionLeads[sessionId]).toBeUndefined();
  });

  it('M41 a co-moderator takes over only while the one leading is not connected', () => {
    const { go, online, sessionId, lead, state } = running();
    expect(go('jonas', s.takeOver(sessionId))).toBe('conflict:lead_connected');
    online.delete(WHO.claudia);
    expect(go('anna', s.takeOver(sessionId))).toBe('forbidden:not_session_runner');
    expect(go('jonas', s.takeOver(sessionId), 7)).toBe('accepted');
    expect(lead()).toBe(WHO.jonas);
    expect(state.sessionLeads[sessionId]).toEqual({ personId: WHO.jonas, since: T(7), from: WHO.claudia });
    expect(go('jonas', s.takeOver(sessionId))).toBe('conflict:already_lead');
    // Jonas is there: Petra cannot take it from him, nor can Claudia when she is back.
    online.add(WHO.claudia);
    expect(go('petra', s.takeOver(sessionId))).toBe('conflict:lead_connected');
    expect(go('claudia', s.takeOver(sessionId))).toBe('conflict:lead_connected');
  });

  it('M41 only while the session runs: not before it starts, not after it ended', () => {
    const { go, online, sessionId, run } = running();
    online.delete(WHO.claudia);
    const planned = s.create({ coModeratorIds: [WHO.jonas] });
    expect(outcome(run('claudia', planned, T(2)))).toBe('accepted');
    expect(go('jonas', s.takeOver(planned.payload.sessionId))).toBe('conflict:session_not_running');
    expect(go('claudia', s.end(sessionId))).toBe('accepted');
    expect(go('jonas', s.takeOver(sessionId))).toBe('conflict:session_ended');
    expect(go('jonas', s.takeOver(testId(99)))).toBe('not_found:session_not_found');
  });

  it('M42 a take-over changes who leads and nothing else: the agenda, the current item and its spans stay as everyone saw them', () => {
    const { go, online, sessionId, session, items } = running();
    const before = structuredClone(session());
    online.delete(WHO.claudia);
    expect(go('jonas', s.takeOver(sessionId))).toBe('accepted');
    expect(session()).toEqual(before);
    // The new lead runs the session on; the moderator, back, still runs it (M1) and sees what happened.
    expect(go('jonas', s.takeUp(sessionId, items[1] ?? ''), 9)).toBe('accepted');
    online.add(WHO.claudia);
    expect(go('claudia', s.update(sessionId, { place: 'Rathaus Gifhorn' }), 10)).toBe('accepted');
    expect(session()).toMatchObject({ currentItemId: items[1], moderatorId: WHO.claudia, place: 'Rathaus Gifhorn' });
  });

  it('M43 the one leading hands back to the moderator; nobody else does, and not when the moderator leads', () => {
    const { go, online, sessionId, lead } = running();
    expect(go('claudia', s.handBack(sessionId))).toBe('conflict:moderator_leads');
    online.delete(WHO.claudia);
    expect(go('jonas', s.takeOver(sessionId))).toBe('accepted');
    expect(go('petra', s.handBack(sessionId))).toBe('forbidden:not_session_lead');
    expect(go('claudia', s.handBack(sessionId))).toBe('forbidden:not_session_lead');
    expect(go('anna', s.handBack(sessionId))).toBe('forbidden:not_session_runner');
    expect(go('jonas', s.handBack(sessionId))).toBe('accepted');
    expect(lead()).toBe(WHO.claudia);
  });

  it('M44 when the one who took over is gone too, another runner (the moderator included) takes over from them', () => {
    const { go, online, sessionId, lead } = running();
    online.delete(WHO.claudia);
    expect(go('jonas', s.takeOver(sessionId))).toBe('accepted');
    online.delete(WHO.jonas);
    expect(go('petra', s.takeOver(sessionId))).toBe('accepted');
    expect(lead()).toBe(WHO.petra);
    online.add(WHO.claudia);
    online.delete(WHO.petra);
    expect(go('claudia', s.takeOver(sessionId))).toBe('accepted');
    expect(lead()).toBe(WHO.claudia);
    expect(go('claudia', s.handBack(sessionId))).toBe('conflict:moderator_leads');
  });

  it('M44 a co-moderator who leads and is no longer named leads no more: the moderator does', () => {
    const { go, online, sessionId, lead } = running();
    online.delete(WHO.claudia);
    expect(go('jonas', s.takeOver(sessionId))).toBe('accepted');
    expect(go('petra', s.update(sessionId, { coModeratorIds: [WHO.petra] }))).toBe('accepted');
    expect(lead()).toBe(WHO.claudia);
  });
});

describe("the moderator's focus (docs/session-rules.md, M45, M46)", () => {
  const actor = (who: Who): Actor => ({ personId: WHO[who], partnerId: PARTNER, roles: ['member'] });
  const refusalOf = (st: WorkspaceState, who: Who, sessionId: string, focus: SessionFocus) => {
    const error = focusRefusal(st, actor(who), sessionId, focus);
    return error ? `${error.code}:${error.reason ?? 'no reason'}` : 'allowed';
  };

  it('M45 only the one leading a running session sets its focus', () => {
    const { state, sessionId, items, online, go } = running();
    const item: SessionFocus = { kind: 'item', itemId: items[0] ?? '' };
    expect(refusalOf(state, 'claudia', sessionId, item)).toBe('allowed');
    expect(refusalOf(state, 'anna', sessionId, item)).toBe('forbidden:not_session_runner');
    expect(refusalOf(state, 'jonas', sessionId, item)).toBe('forbidden:not_session_lead');
    online.delete(WHO.claudia);
    expect(go('jonas', s.takeOver(sessionId))).toBe('accepted');
    expect(refusalOf(state, 'jonas', sessionId, item)).toBe('allowed');
    expect(refusalOf(state, 'claudia', sessionId, item)).toBe('forbidden:not_session_lead');
    expect(go('jonas', s.end(sessionId))).toBe('accepted');
    expect(refusalOf(state, 'jonas', sessionId, item)).toBe('conflict:session_not_running');
    expect(refusalOf(state, 'jonas', testId(98), item)).toBe('not_found:session_not_found');
  });

  it('M46 a focus names an item of this agenda or a card, vote or position that exists', () => {
    const { state, sessionId } = running();
    expect(refusalOf(state, 'claudia', sessionId, { kind: 'card', cardId: CARD })).toBe('allowed');
    expect(refusalOf(state, 'claudia', sessionId, { kind: 'item', itemId: testId(97) })).toBe('not_found:agenda_item_not_found');
    expect(refusalOf(state, 'claudia', sessionId, { kind: 'card', cardId: testId(97) })).toBe('invalid_payload:link_not_found');
    expect(refusalOf(state, 'claudia', sessionId, { kind: 'vote', voteId: testId(97) })).toBe('invalid_payload:link_not_found');
    expect(refusalOf(state, 'claudia', sessionId, { kind: 'position', positionId: testId(97), passage: null })).toBe('invalid_payload:link_not_found');
  });
});
