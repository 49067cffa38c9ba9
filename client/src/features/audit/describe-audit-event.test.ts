import { describe, expect, it } from 'vitest';
import type { NewEvent, StoredEvent } from '@verbund/shared/events';
import { i18n } from '../../lib/i18n';
import { AT, PARTNER_WOB, PERSON_ID, uuid, WORKSPACE_ID } from '../../test/fixtures';
import { auditKind, describeAuditEvent, type AuditContext } from './describe-audit-event';

const stored = (event: NewEvent): StoredEvent => ({
  v: 1, workspaceId: WORKSPACE_ID, seq: 1, actorId: PERSON_ID, partnerId: PARTNER_WOB, at: AT, commandId: null, prevHash: 'f'.repeat(64), hash: 'f'.repeat(64), ...event,
});
const cardId = uuid();
const ref = { cardId, itemId: uuid() };
const ctx: AuditContext = { t: i18n.getFixedT('de'), language: 'de', people: [], partners: {}, cardTitles: { [cardId]: 'Breitband' }, positionTitles: {} };

describe('audit texts for checklist events', () => {
  it('names the kind, the card and, where the event carries it, the item', () => {
    const added = stored({ type: 'checklist.item_added', data: { ...ref, text: 'Förderantrag stellen', position: 'a0' } });
    expect(auditKind(ctx.t, added.type)).toBe('Checklistenpunkt hinzugefügt');
    expect(describeAuditEvent(added, ctx)).toBe(`${ctx.t('audit.text.card', { title: 'Breitband' })}: „Förderantrag stellen“`);
    expect(describeAuditEvent(stored({ type: 'checklist.item_ticked', data: { ...ref, done: false } }), ctx)).toContain('wieder geöffnet');
    expect(describeAuditEvent(stored({ type: 'checklist.item_removed', data: ref }), ctx)).toBe(ctx.t('audit.text.card', { title: 'Breitband' }));
  });
});
