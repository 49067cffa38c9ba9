import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newCard } from '@verbund/shared/model';
import { emptyState, type WorkspaceState } from '@verbund/shared/projection';
import { testId } from '../../test-support/builders.js';
import { paragraphsText } from '../documents/paragraphs.js';
import { cardDescription } from './card-description.js';

const CARD = testId(1);
const member = { personId: testId(2), partnerId: testId(3), roles: ['member' as const] };
const AT = '2026-03-02T09:30:00.000Z';

function stateWith(archived: boolean, description = 'eins\nzwei'): WorkspaceState {
  const card = newCard({ cardId: CARD, boardId: testId(4), position: 'a0', fields: { title: 'Karte', area: 'basisdienste', status: 'idea', description } }, member.personId, AT);
  return { ...emptyState(testId(5)), cards: { [CARD]: { ...card, archived } } };
}

describe('card-description documents (Y7, Y8)', () => {
  it('Y7 members write a live card’s description, read an archived one’s, and find none for a missing card or without roles', () => {
    expect(cardDescription.access(stateWith(false), member, CARD)).toBe('write');
    expect(cardDescription.access(stateWith(true), member, CARD)).toBe('read');
    expect(cardDescription.access(stateWith(false), member, testId(9))).toBe('none');
    expect(cardDescription.access(stateWith(false), { ...member, roles: [] }, CARD)).toBe('none');
  });

  it('Y8 the seed is the plain text as paragraphs, the same bytes every time, so seeding twice adds nothing', () => {
    const state = stateWith(false, 'erste Zeile\n\ndritte Zeile');
    const first = cardDescription.seed(state, CARD, () => '');
    expect(cardDescription.seed(state, CARD, () => '')).toEqual(first);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, first);
    Y.applyUpdate(doc, cardDescription.seed(state, CARD, () => ''));
    expect(doc.getXmlFragment('default').toJSON()).toBe('<paragraph>erste Zeile</paragraph><paragraph></paragraph><paragraph>dritte Zeile</paragraph>');
    expect(paragraphsText(doc)).toBe('erste Zeile\n\ndritte Zeile');
  });
});
