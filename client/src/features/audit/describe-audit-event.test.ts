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

describe('audit texts for the dispatch of a position (P30–P36)', () => {
  const positionId = uuid();
  const dispatchId = uuid();
  const withTitle: AuditContext = { ...ctx, positionTitles: { [positionId]: 'Stellungnahme OZG' } };
  const position = withTitle.t('audit.text.position', { title: 'Stellungnahme OZG' });

  it('P31 P34 P35 names the position, the recipient, channel and days, and the outcome', () => {
    const dispatch = {
      id: dispatchId, recipient: 'Land Niedersachsen', channel: 'bea_egvp' as const, sentOn: '2026-12-04', fileReference: null, recordedBy: PERSON_ID, recordedAt: AT,
      acknowledgedOn: null, followUpOn: '2027-01-15', answer: null, outcome: null,
    };
    const recorded = stored({ type: 'position.dispatch_recorded', data: { positionId, dispatch } });
    expect(auditKind(ctx.t, recorded.type)).toBe('Versand einer Position erfasst');
    expect(describeAuditEvent(recorded, withTitle)).toBe(`${position} – versendet an Land Niedersachsen (beA/EGVP) am 04.12.2026`);
    expect(describeAuditEvent(stored({ type: 'position.follow_up_set', data: { positionId, dispatchId, followUpOn: null } }), withTitle)).toBe(`${position} – Wiedervorlage entfernt`);
    const answer = { text: 'Wir prüfen das.', receivedOn: '2026-12-20', recordedBy: PERSON_ID, recordedAt: AT };
    expect(describeAuditEvent(stored({ type: 'position.answer_recorded', data: { positionId, dispatchId, answer } }), withTitle)).toBe(`${position} – Antwort eingegangen am 20.12.2026`);
    expect(describeAuditEvent(stored({ type: 'position.outcome_set', data: { positionId, dispatchId, outcome: 'partial' } }), withTitle)).toBe(`${position} – Ergebnis: teilweise`);
  });
});
