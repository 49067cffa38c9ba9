import { expect } from 'vitest';
import { emptyState, type WorkspaceState } from '@verbund/shared/projection';
import type { Actor } from '../domain/actor.js';
import { contextAt, testId } from './builders.js';
import { outcome } from './decide-pure.js';
import { littleEngine } from './little-engine.js';
import { sessionCommandsFor } from './session-commands.js';

export const RS_WS = testId(10);
const PARTNERS = { wob: testId(12), bs: testId(13), sz: testId(14) } as const;
/** Claudia moderates (WOB); two people of Wolfsburg, one of Braunschweig, one of Salzgitter take part; Lena has left. */
export const RS_PEOPLE = {
  claudia: { id: testId(20), partnerId: PARTNERS.wob, roles: ['member', 'moderator'] },
  jonas: { id: testId(21), partnerId: PARTNERS.wob, roles: ['member'] },
  anna: { id: testId(22), partnerId: PARTNERS.bs, roles: ['member'] },
  petra: { id: testId(24), partnerId: PARTNERS.wob, roles: ['member'] },
  sven: { id: testId(25), partnerId: PARTNERS.sz, roles: ['member', 'dezernent'] },
  lena: { id: testId(23), partnerId: PARTNERS.bs, roles: ['member'] },
} as const;
export type Who = keyof typeof RS_PEOPLE;
export const T0 = '2026-12-10T09:00:00.000Z';
/** The instant `seconds` after T0 (the domain reads no clock, its tests make none). */
export const after = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();

function state(): WorkspaceState {
  const members = Object.fromEntries(
    Object.entries(RS_PEOPLE).map(([who, p]) => [p.id, { personId: p.id, partnerId: p.partnerId, roles: [...p.roles], active: who !== 'lena', erased: false, joinedAt: T0 }]),
  );
  const partners = Object.fromEntries(Object.entries(PARTNERS).map(([short, id]) => [id, { id, name: short, shortName: short.toUpperCase(), active: true }]));
  return { ...emptyState(RS_WS), seq: 3, partners, members };
}

const actorOf = (st: WorkspaceState, who: Who): Actor => {
  const member = st.members[RS_PEOPLE[who].id];
  return { personId: RS_PEOPLE[who].id, partnerId: RS_PEOPLE[who].partnerId, roles: member?.active ? member.roles : [] };
};

/** A session Claudia runs, started at T0 with two items, the first taken up; `planned` stops before the start. */
export function runningSession({ planned = false } = {}) {
  const s = sessionCommandsFor(RS_WS);
  const engine = littleEngine(state(), actorOf, contextAt);
  const create = s.create();
  const sessionId = create.payload.sessionId;
  expect(outcome(engine.run('claudia', create, T0))).toBe('accepted');
  const items = ['Punkt 1', 'Punkt 2'].map((title) => {
    const add = s.addItem(sessionId, { title });
    expect(outcome(engine.run('claudia', add, T0))).toBe('accepted');
    return add.payload.itemId;
  });
  if (!planned) {
    expect(outcome(engine.run('claudia', s.start(sessionId), T0))).toBe('accepted');
    expect(outcome(engine.run('claudia', s.takeUp(sessionId, items[0] ?? ''), T0))).toBe('accepted');
  }
  return { ...engine, s, sessionId, items, id: (who: Who) => RS_PEOPLE[who].id };
}
