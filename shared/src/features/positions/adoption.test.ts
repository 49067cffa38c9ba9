import { describe, expect, it } from 'vitest';
import { adoptedRound, approvalsOf } from './adoption.js';
import type { Position, SignoffAnswer, SignoffRound } from './positions-feature.js';

const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const [WOB, BS, GF] = [id(1), id(2), id(3)];
const [THOMAS, MARKUS, LENA, PETRA] = [id(11), id(12), id(13), id(14)];
const POSITION = id(20);
const AT = '2026-12-04T09:00:00.000Z';
const NAMES: Record<string, string> = { [WOB]: 'Stadt Wolfsburg', [BS]: 'Stadt Braunschweig', [GF]: 'Landkreis Gifhorn' };
const partnerName = (partnerId: string) => NAMES[partnerId] ?? '?';

const answer = (decision: SignoffAnswer['decision'], by: string, onBehalfOf: string | null = null): SignoffAnswer => ({ decision, by, onBehalfOf, reason: decision === 'declined' ? 'Zeitplan fehlt' : null, at: AT });
const round = (n: number, outcome: SignoffRound['outcome'], answers: SignoffRound['answers']): SignoffRound => ({
  id: id(30 + n), versionId: id(40 + n), hash: 'a'.repeat(64), startedBy: THOMAS, startedAt: AT, entitled: [WOB, BS, GF], answers, outcome, endedAt: outcome ? AT : null, endedBy: null,
});
const position = (status: Position['status']): Position => ({
  id: POSITION, title: 'Stellungnahme', addressee: { kind: 'land', name: 'Land Niedersachsen' }, leadPartnerId: WOB, dueDate: null, status, cardIds: [], createdBy: THOMAS, createdAt: AT, updatedAt: AT,
});

describe('who approved an adopted position (P53, P56)', () => {
  it('P53 P56 one approval per partner that approved in this round, by partner name, a deputy with the Dezernent; a decline and a missing answer are none', () => {
    const declined = round(1, 'declined', { [WOB]: answer('approved', THOMAS), [BS]: answer('declined', MARKUS) });
    expect(approvalsOf(declined, partnerName)).toEqual([{ partnerId: WOB, by: THOMAS, onBehalfOf: null, at: AT }]);
    const adopted = round(2, 'adopted', { [WOB]: answer('approved', THOMAS), [BS]: answer('approved', LENA, MARKUS), [GF]: answer('approved', PETRA) });
    expect(approvalsOf(adopted, partnerName).map((a) => [partnerName(a.partnerId), a.by, a.onBehalfOf])).toEqual([
      ['Landkreis Gifhorn', PETRA, null],
      ['Stadt Braunschweig', LENA, MARKUS],
      ['Stadt Wolfsburg', THOMAS, null],
    ]);
  });

  it('P50 P56 the round that counts is the last adopted one, once the position is adopted or beyond; an earlier declined round never', () => {
    const rounds = [round(1, 'declined', { [BS]: answer('declined', MARKUS) }), round(2, 'adopted', {})];
    for (const status of ['adopted', 'sent', 'answered', 'done'] as const) {
      expect(adoptedRound({ positions: { [POSITION]: position(status) }, positionRounds: { [POSITION]: rounds } }, POSITION)?.id).toBe(id(32));
    }
    for (const status of ['draft', 'in_review'] as const) {
      expect(adoptedRound({ positions: { [POSITION]: position(status) }, positionRounds: { [POSITION]: rounds } }, POSITION)).toBeNull();
    }
  });
});
