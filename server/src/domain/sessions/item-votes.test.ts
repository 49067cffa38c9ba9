import { describe, expect, it } from 'vitest';
import { commandSchema } from '@verbund/shared/commands';
import { emptyState, type WorkspaceState } from '@verbund/shared/projection';
import type { PmNode } from '@verbund/shared/rich-text';
import { cardFixture, contextAt, testId } from '../../test-support/builders.js';
import { outcome } from '../../test-support/decide-pure.js';
import { littleEngine } from '../../test-support/little-engine.js';
import { sessionCommandsFor } from '../../test-support/session-commands.js';
import { position, proposalSettings, voteCommandsFor } from '../../test-support/vote-commands.js';
import type { Actor } from '../actor.js';
import { minutesContent } from './minutes.js';

const WS = testId(10);
const BOARD = testId(11);
const CARD = testId(30);
const P = { wob: testId(12), bs: testId(13), sz: testId(14) } as const;
const PEOPLE = {
  claudia: { id: testId(20), partner: P.wob, roles: ['member', 'moderator'] },
  co: { id: testId(21), partner: P.bs, roles: ['member'] },
  anna: { id: testId(22), partner: P.wob, roles: ['member'] },
  bert: { id: testId(23), partner: P.bs, roles: ['member'] },
  sina: { id: testId(24), partner: P.sz, roles: ['member'] },
} as const;
type Who = keyof typeof PEOPLE;
const two = (n: number) => String(n).padStart(2, '0');
/** The instant `minutes` after 9:00 on the day of the session. */
const at = (minutes: number) => `2026-12-10T${two(9 + Math.floor(minutes / 60))}:${two(minutes % 60)}:00.000Z`;

const s = sessionCommandsFor(WS);
const v = voteCommandsFor(WS);

function state(): WorkspaceState {
  const members = Object.fromEntries(
    Object.values(PEOPLE).map((p) => [p.id, { personId: p.id, partnerId: p.partner, roles: [...p.roles], active: true, erased: false, joinedAt: '2026-01-05T08:00:00.000Z' }]),
  );
  const partner = (id: string, shortName: string) => [id, { id, name: `Stadt ${shortName}`, shortName, active: true }] as const;
  return {
    ...emptyState(WS),
    seq: 3,
    partners: Object.fromEntries([partner(P.wob, 'WOB'), partner(P.bs, 'BS'), partner(P.sz, 'SZ')]),
    members,
    boards: { [BOARD]: { id: BOARD, name: 'Initiativen' } },
    cards: { [CARD]: cardFixture({ id: CARD, boardId: BOARD, title: 'Servicekonto' }) },
  };
}

const actorOf = (_st: WorkspaceState, who: Who): Actor => ({ personId: PEOPLE[who].id, partnerId: PEOPLE[who].partner, roles: [...PEOPLE[who].roles] });

const PREPARED = proposalSettings([CARD], { title: 'Servicekonto gemeinsam einführen' });
const QUICK = proposalSettings([CARD], { title: 'Auftrag an die AG' });

/** A running session with two items, the first carrying a prepared vote, Anna, Bert and Sina checked in. */
function running() {
  const engine = littleEngine(state(), actorOf, contextAt);
  const create = s.create({ startsAt: at(0), coModeratorIds: [PEOPLE.co.id] });
  const sessionId = create.payload.sessionId;
  const first = s.addItem(sessionId, { title: 'Servicekonto', links: { cardIds: [CARD], voteIds: [], positionIds: [] }, preparedVote: PREPARED });
  const second = s.addItem(sessionId, { title: 'Verschiedenes' });
  for (const command of [create, first, second, s.start(sessionId)]) expect(outcome(engine.run('claudia', command, at(0)))).toBe('accepted');
  for (const who of ['anna', 'bert', 'sina'] as const) expect(outcome(engine.run(who, s.checkIn(sessionId, PEOPLE[who].id), at(1)))).toBe('accepted');
  const item = (itemId: string) => {
    const found = engine.state.sessions[sessionId]?.items.find((i) => i.id === itemId);
    if (!found) throw new Error('the item is missing');
    return found;
  };
  return { ...engine, sessionId, firstId: first.payload.itemId, secondId: second.payload.itemId, item };
}

describe('votes from the agenda (docs/session-rules.md, M60–M62)', () => {
  it('M60 a vote is prepared on an item while planning, with settings the vote schema accepts, and can be taken off again', () => {
    const { run, sessionId, secondId, item } = running();
    expect(item(secondId).preparedVote).toBeUndefined();
    expect(outcome(run('claudia', s.updateItem(sessionId, secondId, { preparedVote: QUICK }), at(2)))).toBe('accepted');
    expect(item(secondId).preparedVote).toEqual(QUICK);
    expect(outcome(run('claudia', s.updateItem(sessionId, secondId, { preparedVote: null }), at(3)))).toBe('accepted');
    expect(item(secondId).preparedVote).toBeNull();
    expect(outcome(run('anna', s.updateItem(sessionId, secondId, { preparedVote: QUICK }), at(3)))).toBe('forbidden:not_session_runner');
    // Settings a vote could not be opened with are refused at the door.
    const bad = s.updateItem(sessionId, secondId, { preparedVote: { ...QUICK, anonymous: true, counting: 'partner' } });
    expect(commandSchema.safeParse(bad).success).toBe(false);
  });

  it('M61 the prepared vote opens with one action on the current item, entitled from attendance, and the item links it', () => {
    const { run, state: st, sessionId, firstId, item } = running();
    expect(outcome(run('claudia', s.openVote(sessionId, firstId), at(5)))).toBe('conflict:item_not_current');
    run('claudia', s.takeUp(sessionId, firstId), at(5));
    expect(outcome(run('anna', s.openVote(sessionId, firstId), at(6)))).toBe('forbidden:not_session_runner');
    const open = s.openVote(sessionId, firstId);
    expect(outcome(run('co', open, at(6)))).toBe('accepted');
    const vote = st.votes[open.payload.voteId];
    expect(vote).toMatchObject({ status: 'open', sessionId, openedBy: PEOPLE.co.id, settings: PREPARED });
    // Claudia and the co-moderator run the session and did not check in: only Anna, Bert and Sina are entitled.
    expect(vote?.eligible.personIds.toSorted()).toEqual([PEOPLE.anna.id, PEOPLE.bert.id, PEOPLE.sina.id].toSorted());
    expect(item(firstId).links.voteIds).toEqual([open.payload.voteId]);
    expect(item(firstId).preparedVote).toBeUndefined();
    // Used up: a second open without settings finds nothing prepared; the same vote id is refused.
    expect(outcome(run('claudia', s.openVote(sessionId, firstId), at(7)))).toBe('conflict:no_prepared_vote');
    expect(outcome(run('claudia', s.openVote(sessionId, firstId, QUICK, open.payload.voteId), at(7)))).toBe('conflict:no reason');
  });

  it('M61 a quick vote opens on the current item with the settings sent; the prepared one stays; what vote.open refuses changes nothing', () => {
    const { run, state: st, sessionId, firstId, secondId, item } = running();
    run('claudia', s.takeUp(sessionId, secondId), at(5));
    expect(outcome(run('claudia', s.openVote(sessionId, secondId), at(6)))).toBe('conflict:no_prepared_vote');
    const seqBefore = st.seq;
    expect(outcome(run('claudia', s.openVote(sessionId, secondId, { ...QUICK, closesAt: at(1) }), at(6)))).toBe('invalid_payload:closes_in_past');
    expect(outcome(run('claudia', s.openVote(sessionId, secondId, { ...QUICK, quorum: { minPartners: 4 } }), at(6)))).toBe('invalid_payload:quorum_unreachable');
    expect(st.seq).toBe(seqBefore);
    expect(item(secondId).links.voteIds).toEqual([]);
    const quick = s.openVote(sessionId, secondId, QUICK);
    expect(outcome(run('claudia', quick, at(6)))).toBe('accepted');
    expect(item(secondId).links.voteIds).toEqual([quick.payload.voteId]);
    expect(item(firstId).preparedVote).toEqual(PREPARED);
    run('claudia', s.end(sessionId), at(30));
    expect(outcome(run('claudia', s.openVote(sessionId, secondId, QUICK), at(31)))).toBe('conflict:session_ended');
  });

  it('M62 the result of a vote opened on an item, closed live, stands in the minutes under that item', () => {
    const { run, state: st, sessionId, firstId } = running();
    run('claudia', s.takeUp(sessionId, firstId), at(5));
    const open = s.openVote(sessionId, firstId);
    run('claudia', open, at(6));
    const voteId = open.payload.voteId;
    for (const who of ['anna', 'bert', 'sina'] as const) expect(outcome(run(who, v.cast(voteId, position('agree')), at(7)))).toBe('accepted');
    expect(outcome(run('claudia', v.close(voteId), at(8)))).toBe('accepted');
    expect(outcome(run('claudia', v.recordOutcome(voteId, 'Das Servicekonto wird gemeinsam eingeführt.'), at(9)))).toBe('accepted');
    run('claudia', s.end(sessionId), at(20));
    const session = st.sessions[sessionId];
    if (!session) throw new Error('the session is missing');
    const text = (node: PmNode): string => node.text ?? (node.content ?? []).map(text).join('');
    const lines = (minutesContent(st, session, (id) => id).content ?? []).map(text);
    expect(lines).toContain(
      'Initiative: „Servicekonto“Abstimmung: „Servicekonto gemeinsam einführen“ – angenommen (Zustimmung 3, Ablehnung 0, Enthaltung 0). Ergebnis: Das Servicekonto wird gemeinsam eingeführt.',
    );
  });
});
