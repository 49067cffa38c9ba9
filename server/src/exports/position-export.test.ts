import { describe, expect, it } from 'vitest';
import { adoptedRound } from '@verbund/shared/features/positions/adoption';
import type { Position, SignoffRound } from '@verbund/shared/features/positions/positions-feature';
import { emptyState, type WorkspaceState } from '@verbund/shared/projection';
import { cardFixture, testId } from '../test-support/builders.js';
import { exportFileName, positionExport } from './position-export.js';

const WS = testId(10);
const BOARD = testId(11);
const LEAD = testId(12);
const CARD = testId(30);
const POSITION = testId(40);
const NOW = '2026-02-02T10:00:00.000Z';
const EMPTY = { type: 'doc' as const, content: [] };

const BS = testId(13);
const [THOMAS, LENA, MARKUS] = [testId(21), testId(22), testId(23)];
const HASH = (c: string) => c.repeat(64);

function round(id: number, outcome: SignoffRound['outcome'], answers: SignoffRound['answers'], hash = HASH('a')): SignoffRound {
  return { id: testId(id), versionId: testId(id + 50), hash, startedBy: testId(20), startedAt: NOW, entitled: [LEAD, BS], answers, outcome, endedAt: '2026-12-04T23:30:00.000Z', endedBy: null };
}
const approved = (by: string, at: string, onBehalfOf: string | null = null) => ({ decision: 'approved' as const, by, onBehalfOf, reason: null, at });

function state(over: Partial<Position> = {}, rounds: SignoffRound[] = []): WorkspaceState {
  const position: Position = {
    id: POSITION, title: 'Stellungnahme', addressee: { kind: 'it_provider', name: 'ITEBO' }, leadPartnerId: LEAD, dueDate: '2027-03-31',
    status: 'in_review', cardIds: [CARD], createdBy: testId(20), createdAt: NOW, updatedAt: NOW, ...over,
  };
  return {
    ...emptyState(WS),
    name: 'Digitalisierungskooperation Ost-Niedersachsen',
    partners: { [LEAD]: { id: LEAD, name: 'Stadt Wolfsburg', shortName: 'WOB', active: true }, [BS]: { id: BS, name: 'Stadt Braunschweig', shortName: 'BS', active: true } },
    boards: { [BOARD]: { id: BOARD, name: 'Initiativen' } },
    cards: { [CARD]: cardFixture({ id: CARD, boardId: BOARD, title: 'Gemeinsames Servicekonto' }) },
    positions: { [POSITION]: position },
    positionRounds: { [POSITION]: rounds },
  };
}

/** Round 1 declined (Wolfsburg had approved), round 2 withdrawn, round 3 adopted, Braunschweig through a deputy. */
const ROUNDS = [
  round(60, 'declined', { [LEAD]: approved(THOMAS, '2026-12-01T09:00:00.000Z'), [BS]: { decision: 'declined', by: MARKUS, onBehalfOf: null, reason: 'Zeitplan fehlt', at: '2026-12-01T10:00:00.000Z' } }),
  round(61, 'withdrawn', { [LEAD]: approved(THOMAS, '2026-12-02T09:00:00.000Z') }, HASH('b')),
  round(62, 'adopted', { [BS]: approved(LENA, '2026-12-04T09:22:00.000Z', MARKUS), [LEAD]: approved(THOMAS, '2026-12-04T09:21:00.000Z') }, HASH('b')),
];
const NAMES = new Map([[THOMAS, 'Dr. Thomas Becker'], [LENA, 'Lena Hoffmann'], [MARKUS, 'Markus Weber']]);

describe('what an export says about the position (P41, P44, P48)', () => {
  it('P41 P44 the facts in German: addressee with its kind, lead partner, status, due day, initiatives by title, the time in Berlin', () => {
    // 23:30 UTC on 31 March is already 1 April in Berlin (summer time, UTC+2).
    const exported = positionExport(state(), POSITION, EMPTY, new Date('2026-03-31T23:30:00Z'), 'de');
    expect(exported.facts).toEqual([
      { label: 'Adressat', value: 'ITEBO (Kommunaler IT-Dienstleister)' },
      { label: 'Federführung', value: 'Stadt Wolfsburg' },
      { label: 'Status', value: 'in Abstimmung' },
      { label: 'Fällig am', value: '31. März 2027' },
      { label: 'Initiativen', value: 'Gemeinsames Servicekonto' },
      { label: 'Stand', value: '1. April 2026 um 01:30 Uhr' },
    ]);
    expect(exported.workspace).toBe('Digitalisierungskooperation Ost-Niedersachsen');
  });

  it('P44 the same facts in English for an English reader; the Land alone needs no kind', () => {
    const exported = positionExport(state({ addressee: { kind: 'land', name: 'Land Niedersachsen' }, dueDate: null, cardIds: [] }), POSITION, EMPTY, new Date('2026-12-04T18:30:00Z'), 'en');
    expect(exported.facts.map((f) => `${f.label}: ${f.value}`)).toEqual([
      'Addressee: Land Niedersachsen',
      'Lead partner: Stadt Wolfsburg',
      'Status: In sign-off',
      'Due on: no due date',
      'Initiatives: none',
      'As of: 4 December 2026 at 19:30 (Berlin time)',
    ]);
  });

  it('P48 the file name is an ASCII slug of the title and the day in Berlin', () => {
    const at = new Date('2026-12-31T23:30:00Z');
    expect(exportFileName('Stellungnahme (Entwurf) – Straße & Größe', at, 'pdf')).toBe('stellungnahme-entwurf-strasse-groesse-2027-01-01.pdf');
    expect(exportFileName('Café „Résumé“', at, 'docx')).toBe('cafe-resume-2027-01-01.docx');
    expect(exportFileName('„“ – …', at, 'md')).toBe('position-2027-01-01.md');
    expect(exportFileName('a'.repeat(300), at, 'md')).toBe(`${'a'.repeat(60)}-2027-01-01.md`);
  });

  it('P50 an adopted position exports its last adopted round; a draft or a position in review none, so its live text', () => {
    expect(adoptedRound(state({ status: 'adopted' }, ROUNDS), POSITION)?.id).toBe(testId(62));
    expect(adoptedRound(state({ status: 'sent' }, ROUNDS), POSITION)?.id).toBe(testId(62));
    expect(adoptedRound(state({ status: 'draft' }, ROUNDS.slice(0, 2)), POSITION)).toBeNull();
    expect(adoptedRound(state({ status: 'in_review' }, ROUNDS), POSITION)).toBeNull();
    expect(adoptedRound(state({ status: 'adopted' }, ROUNDS), testId(99))).toBeNull();
  });

  it('P51 P53 P54 the cover facts and the signatures of exactly the adopted round: its hash, a deputy "in Vertretung für", the day of adoption in Berlin', () => {
    const s = state({ status: 'adopted' }, ROUNDS);
    const adopted = adoptedRound(s, POSITION);
    if (!adopted) throw new Error('not adopted');
    const exported = positionExport(s, POSITION, EMPTY, new Date('2026-12-05T08:00:00Z'), 'de', { round: adopted, names: NAMES });
    expect(exported.notice).toBeNull();
    // 23:30 UTC on 4 December is 5 December in Berlin.
    expect(exported.facts.slice(5)).toEqual([
      { label: 'Beschlossen am', value: '5. Dezember 2026' },
      { label: 'Partner', value: 'Stadt Braunschweig, Stadt Wolfsburg' },
      { label: 'Verbund', value: 'Digitalisierungskooperation Ost-Niedersachsen' },
      { label: 'Version (SHA-256)', value: HASH('b') },
      { label: 'Stand', value: '5. Dezember 2026 um 09:00 Uhr' },
    ]);
    expect(exported.adoption).toEqual({
      hash: HASH('b'),
      statement: '„Stellungnahme“ wurde am 5. Dezember 2026 von allen Partnern in der Fassung mit dieser Prüfsumme beschlossen.',
      signatures: [
        { partner: 'Stadt Braunschweig', person: 'Lena Hoffmann', capacity: 'in Vertretung für Markus Weber', at: '4. Dezember 2026 um 10:22 Uhr' },
        { partner: 'Stadt Wolfsburg', person: 'Dr. Thomas Becker', capacity: 'Dezernent', at: '4. Dezember 2026 um 10:21 Uhr' },
      ],
    });
  });

  it('P54 an erased person signs as a former member of the partner; English labels for an English reader, nested quotes as English nests them', () => {
    const s = state({ status: 'adopted', title: 'Position on the “Servicekonto”' }, ROUNDS);
    const adopted = adoptedRound(s, POSITION);
    if (!adopted) throw new Error('not adopted');
    // Lena Hoffmann and Markus Weber were erased: the accounts give no name for them any more.
    const names = new Map([[THOMAS, 'Dr. Thomas Becker']]);
    const exported = positionExport(s, POSITION, EMPTY, new Date('2026-12-05T08:00:00Z'), 'en', { round: adopted, names });
    expect(exported.adoption?.statement).toBe('“Position on the ‘Servicekonto’” was adopted by every partner on 5 December 2026 in the version with this checksum.');
    expect(exported.adoption?.signatures).toEqual([
      { partner: 'Stadt Braunschweig', person: 'former member of Stadt Braunschweig', capacity: 'on behalf of former member of Stadt Braunschweig', at: '4 December 2026 at 10:22 (Berlin time)' },
      { partner: 'Stadt Wolfsburg', person: 'Dr. Thomas Becker', capacity: 'Head of department (Dezernent)', at: '4 December 2026 at 10:21 (Berlin time)' },
    ]);
  });

  it('P55 a text not adopted says "Entwurf" in the reader’s language', () => {
    expect(positionExport(state(), POSITION, EMPTY, new Date(NOW), 'de').notice).toBe('Entwurf – nicht beschlossen');
    expect(positionExport(state(), POSITION, EMPTY, new Date(NOW), 'en').notice).toBe('Draft – not adopted');
  });
});
