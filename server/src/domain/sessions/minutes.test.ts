import { describe, expect, it } from 'vitest';
import type { ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import { emptyState, type WorkspaceState } from '@verbund/shared/projection';
import type { PmNode } from '@verbund/shared/rich-text';
import { cardFixture, contextAt, testId } from '../../test-support/builders.js';
import { littleEngine } from '../../test-support/little-engine.js';
import { sessionCommandsFor } from '../../test-support/session-commands.js';
import { ballot, openVote, pos, settings } from '../../test-support/vote-fixtures.js';
import type { Actor } from '../actor.js';
import { closeVote } from '../votes/close.js';
import { minutesContent } from './minutes.js';

const WS = testId(10);
const BOARD = testId(11);
const WOB = testId(12);
const CLAUDIA = testId(20);
const JONAS = testId(21);
const CARD = testId(30);
const VOTE = testId(31);
const NAMES: Record<string, string> = { [CLAUDIA]: 'Claudia Richter', [JONAS]: 'Jonas Krüger' };
const nameOf = (id: string) => NAMES[id] ?? 'ehemaliges Mitglied';
const s = sessionCommandsFor(WS);

/** The text of the minutes, a line per block, as a reader sees it (list items with their marker). */
function lines(nodes: readonly PmNode[], marker = ''): string[] {
  return nodes.flatMap((node): string[] => {
    if (node.type === 'bulletList') return lines(node.content ?? [], '• ');
    if (node.type === 'orderedList') return (node.content ?? []).flatMap((item, i) => lines(item.content ?? [], `${i + 1}. `));
    if (node.type === 'listItem') return lines(node.content ?? [], marker);
    const prefix = node.type === 'heading' ? `${'#'.repeat(Number(node.attrs?.level ?? 1))} ` : marker;
    return [`${prefix}${(node.content ?? []).map((child) => child.text ?? '').join('')}`];
  });
}

function recorded(): { state: WorkspaceState; session: ModeratedSession } {
  const vote = closeVote(
    openVote({ id: VOTE, settings: settings({ title: 'Ausschreibung ePayBL', cardIds: [CARD] }), ballots: [ballot(1, 1, pos('agree')), ballot(2, 1, pos('agree')), ballot(3, 1, pos('abstain'))] }),
    { by: 'person', personId: CLAUDIA, at: '2026-12-10T09:40:00.000Z' },
  );
  if (!vote) throw new Error('the vote did not close');
  const state: WorkspaceState = {
    ...emptyState(WS),
    partners: { [WOB]: { id: WOB, name: 'Stadt Wolfsburg', shortName: 'WOB', active: true } },
    members: {
      [CLAUDIA]: { personId: CLAUDIA, partnerId: WOB, roles: ['member', 'moderator'], active: true, erased: false, joinedAt: '2026-01-01T00:00:00.000Z' },
      [JONAS]: { personId: JONAS, partnerId: WOB, roles: ['member'], active: true, erased: false, joinedAt: '2026-01-01T00:00:00.000Z' },
    },
    boards: { [BOARD]: { id: BOARD, name: 'Initiativen' } },
    cards: { [CARD]: cardFixture({ id: CARD, boardId: BOARD, title: 'Gemeinsamer Bezahldienst' }) },
    votes: { [VOTE]: { ...vote, outcome: { text: 'Die Partner schreiben gemeinsam aus.', by: CLAUDIA, at: '2026-12-10T09:41:00.000Z' } } },
  };
  const claudia: Actor = { personId: CLAUDIA, partnerId: WOB, roles: ['member', 'moderator'] };
  const { run } = littleEngine(state, () => claudia, contextAt);
  const create = s.create({ title: 'Arbeitsgruppe Digitalisierung, 12. Sitzung', startsAt: '2026-12-10T09:00:00.000Z', place: 'Rathaus Wolfsburg', link: 'https://meet.example.org/ag', coModeratorIds: [JONAS] });
  const later = s.create({ title: '13. Sitzung', startsAt: '2027-01-14T09:00:00.000Z' });
  const sessionId = create.payload.sessionId;
  const [payment, portal, misc] = [
    s.addItem(sessionId, { title: 'Bezahldienst', plannedMinutes: 30, links: { cardIds: [CARD], voteIds: [VOTE], positionIds: [] } }),
    s.addItem(sessionId, { title: 'Serviceportal', plannedMinutes: 15 }),
    s.addItem(sessionId, { title: 'Verschiedenes', plannedMinutes: 10 }),
  ];
  const steps = [
    [create, '2026-12-01T08:00:00.000Z'],
    [later, '2026-12-01T08:00:00.000Z'],
    [payment, '2026-12-01T08:00:00.000Z'],
    [portal, '2026-12-01T08:00:00.000Z'],
    [misc, '2026-12-01T08:00:00.000Z'],
    [s.start(sessionId), '2026-12-10T09:02:00.000Z'],
    [s.takeUp(sessionId, payment.payload.itemId), '2026-12-10T09:03:00.000Z'],
    [s.addAction(sessionId, payment.payload.itemId, BOARD, [JONAS], { title: 'Leistungsbeschreibung entwerfen', dueDate: '2027-01-31' }), '2026-12-10T09:20:00.000Z'],
    [s.defer(sessionId, portal.payload.itemId, later.payload.sessionId), '2026-12-10T09:30:00.000Z'],
    [s.end(sessionId), '2026-12-10T09:45:00.000Z'],
  ] as const;
  for (const [command, at] of steps) expect(run(undefined, command, at).ok).toBe(true);
  const session = state.sessions[sessionId];
  if (!session) throw new Error('the session is missing');
  return { state, session };
}

describe('the minutes of a session (docs/session-rules.md M50)', () => {
  it('M50 M55 a recorded session gives exactly these minutes: when and where, moderation, agenda, each item with its votes, action items, deferred and untreated items', () => {
    const { state, session } = recorded();
    expect(lines(minutesContent(state, session, nameOf).content ?? [])).toEqual([
      '# Protokoll: Arbeitsgruppe Digitalisierung, 12. Sitzung',
      'Donnerstag, 10. Dezember 2026, 10:02 bis 10:45 Uhr · Rathaus Wolfsburg · online: https://meet.example.org/ag',
      'Moderation: Claudia Richter. Co-Moderation: Jonas Krüger.',
      '## Tagesordnung',
      '1. Bezahldienst (geplant 30 Min.)',
      '2. Serviceportal (vertagt)',
      '3. Verschiedenes (geplant 10 Min.)',
      '## Verlauf',
      '### TOP 1: Bezahldienst',
      'Behandelt 42 Min. (geplant 30 Min., 12 Min. länger), ab 10:03 Uhr.',
      '• Initiative: „Gemeinsamer Bezahldienst“',
      '• Abstimmung: „Ausschreibung ePayBL“ – angenommen (Zustimmung 2, Ablehnung 0, Enthaltung 1). Ergebnis: Die Partner schreiben gemeinsam aus.',
      '## Aufgaben',
      '• Leistungsbeschreibung entwerfen – Jonas Krüger, bis 31. Januar 2027 (TOP 1).',
      '## Vertagte Punkte',
      '• Serviceportal – vertagt auf „13. Sitzung“ am Donnerstag, 14. Januar 2027.',
      '## Nicht behandelt',
      '• Verschiedenes',
    ]);
  });

  it('M50 a session that treated nothing says so, and an erased moderator is not named', () => {
    const { state, session } = recorded();
    const bare: ModeratedSession = { ...session, items: [], coModeratorIds: [], moderatorId: testId(99), place: null, link: null };
    expect(lines(minutesContent({ ...state, sessionActions: {} }, bare, nameOf).content ?? [])).toEqual([
      '# Protokoll: Arbeitsgruppe Digitalisierung, 12. Sitzung',
      'Donnerstag, 10. Dezember 2026, 10:02 bis 10:45 Uhr',
      'Moderation: ehemaliges Mitglied.',
      '## Tagesordnung',
      'Keine Tagesordnungspunkte.',
      '## Verlauf',
      'Kein Punkt wurde behandelt.',
    ]);
  });
});
