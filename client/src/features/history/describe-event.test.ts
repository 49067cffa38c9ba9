import { describe, expect, it } from 'vitest';
import type { NewEvent, StoredEvent } from '@verbund/shared/events';
import { i18n } from '../../lib/i18n';
import { AT, PARTNER_WOB, PERSON_ID, uuid, WORKSPACE_ID } from '../../test/fixtures';
import { describeEvent } from './describe-event';

const stored = (event: NewEvent): StoredEvent => ({
  v: 1, workspaceId: WORKSPACE_ID, seq: 1, actorId: PERSON_ID, partnerId: PARTNER_WOB, at: AT, commandId: null, prevHash: 'f'.repeat(64), hash: 'f'.repeat(64), ...event,
});
const ref = { cardId: uuid(), itemId: uuid() };

describe('describeEvent: checklist events in a card history (C5)', () => {
  it('names each checklist change in German and English, ticking apart from unticking', () => {
    const events: NewEvent[] = [
      { type: 'checklist.item_added', data: { ...ref, text: 'Angebot einholen', position: 'a0' } },
      { type: 'checklist.item_renamed', data: { ...ref, text: 'Angebote einholen' } },
      { type: 'checklist.item_ticked', data: { ...ref, done: true } },
      { type: 'checklist.item_ticked', data: { ...ref, done: false } },
      { type: 'checklist.item_moved', data: { ...ref, position: 'a1' } },
      { type: 'checklist.item_removed', data: ref },
    ];
    expect(events.map((e) => describeEvent(i18n.getFixedT('de'), stored(e)))).toEqual([
      'hat einen Punkt zur Checkliste hinzugefügt',
      'hat einen Punkt der Checkliste umbenannt',
      'hat einen Punkt der Checkliste abgehakt',
      'hat einen Punkt der Checkliste wieder geöffnet',
      'hat die Reihenfolge der Checkliste geändert',
      'hat einen Punkt von der Checkliste entfernt',
    ]);
    expect(describeEvent(i18n.getFixedT('en'), stored({ type: 'checklist.item_ticked', data: { ...ref, done: true } }))).toBe('ticked a checklist item');
  });
});
