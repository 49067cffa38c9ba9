import { describe, expect, it } from 'vitest';
import type { Position } from '@verbund/shared/features/positions/positions-feature';
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

function state(over: Partial<Position> = {}): WorkspaceState {
  const position: Position = {
    id: POSITION, title: 'Stellungnahme', addressee: { kind: 'it_provider', name: 'ITEBO' }, leadPartnerId: LEAD, dueDate: '2027-03-31',
    status: 'in_review', cardIds: [CARD], createdBy: testId(20), createdAt: NOW, updatedAt: NOW, ...over,
  };
  return {
    ...emptyState(WS),
    name: 'Digitalisierungskooperation Ost-Niedersachsen',
    partners: { [LEAD]: { id: LEAD, name: 'Stadt Wolfsburg', shortName: 'WOB', active: true } },
    boards: { [BOARD]: { id: BOARD, name: 'Initiativen' } },
    cards: { [CARD]: cardFixture({ id: CARD, boardId: BOARD, title: 'Gemeinsames Servicekonto' }) },
    positions: { [POSITION]: position },
  };
}

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
});
