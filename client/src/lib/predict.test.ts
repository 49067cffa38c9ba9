import { describe, expect, it } from 'vitest';
import { applyEventsImmutably } from '@verbund/shared/projection';
import type { Command } from '@verbund/shared/commands';
import type { PendingCommand } from './command-queue';
import { applyPending, predict } from './predict';
import { AT, BOARD_ID, ME, WORKSPACE_ID, card, stateWith, updatedEvent, uuid } from '../test/fixtures';

const LATER = '2026-01-02T08:00:00.000Z';
const pending = (command: Command): PendingCommand => ({ command, submittedAt: LATER });

describe('predict', () => {
  it('shows a created card at once, with defaults and the creator', () => {
    const cardId = uuid();
    const next = predict(
      stateWith([]),
      { id: uuid(), workspaceId: WORKSPACE_ID, type: 'card.create', payload: { cardId, boardId: BOARD_ID, position: 'a5', fields: { title: 'Neu', area: 'fachverfahren', status: 'review' } } },
      ME,
      LATER,
    );
    expect(next.cards[cardId]).toMatchObject({ title: 'Neu', area: 'fachverfahren', status: 'review', position: 'a5', archived: false, tags: [], createdBy: ME.id, createdAt: LATER });
  });

  it('changes only the fields of an update and leaves the confirmed state untouched', () => {
    const c = card({ title: 'Alt', description: 'bleibt' });
    const confirmed = stateWith([c]);
    const next = predict(confirmed, { id: uuid(), workspaceId: WORKSPACE_ID, type: 'card.update', payload: { cardId: c.id, changes: { title: 'Neu' } } }, ME, LATER);
    expect(next.cards[c.id]?.title).toBe('Neu');
    expect(next.cards[c.id]?.description).toBe('bleibt');
    expect(confirmed.cards[c.id]?.title).toBe('Alt');
  });

  it('moves, archives and comments', () => {
    const c = card({ position: 'a0' });
    let s = stateWith([c]);
    s = predict(s, { id: uuid(), workspaceId: WORKSPACE_ID, type: 'card.move', payload: { cardId: c.id, status: 'done', position: 'a3' } }, ME, LATER);
    s = predict(s, { id: uuid(), workspaceId: WORKSPACE_ID, type: 'card.archive', payload: { cardId: c.id } }, ME, LATER);
    const commentId = uuid();
    s = predict(s, { id: uuid(), workspaceId: WORKSPACE_ID, type: 'comment.add', payload: { commentId, cardId: c.id, body: 'Hallo' } }, ME, LATER);
    expect(s.cards[c.id]).toMatchObject({ status: 'done', area: 'basisdienste', position: 'a3', archived: true });
    expect(s.comments[c.id]).toEqual([{ id: commentId, cardId: c.id, authorId: ME.id, body: 'Hallo', createdAt: LATER }]);
  });

  it('ignores commands about cards it does not know', () => {
    const s = stateWith([]);
    expect(predict(s, { id: uuid(), workspaceId: WORKSPACE_ID, type: 'card.archive', payload: { cardId: uuid() } }, ME, LATER)).toBe(s);
  });
});

describe('applyPending (view = confirmed + pending)', () => {
  it('lays pending commands over the confirmed state in order', () => {
    const c = card({ title: 'A' });
    const queue = [
      pending({ id: uuid(), workspaceId: WORKSPACE_ID, type: 'card.update', payload: { cardId: c.id, changes: { title: 'B' } } }),
      pending({ id: uuid(), workspaceId: WORKSPACE_ID, type: 'card.update', payload: { cardId: c.id, changes: { title: 'C' } } }),
    ];
    expect(applyPending(stateWith([c]), queue, ME).cards[c.id]?.title).toBe('C');
  });

  it('rolls back by itself when a rejected command leaves the queue', () => {
    const c = card({ title: 'A' });
    const confirmed = stateWith([c]);
    const queue = [pending({ id: uuid(), workspaceId: WORKSPACE_ID, type: 'card.update', payload: { cardId: c.id, changes: { title: 'abgelehnt' } } })];
    expect(applyPending(confirmed, queue, ME).cards[c.id]?.title).toBe('abgelehnt');
    expect(applyPending(confirmed, [], ME).cards[c.id]?.title).toBe('A');
  });

  it('keeps my pending field over a remote change of another field, and both show', () => {
    const c = card({ title: 'A', status: 'idea' });
    const confirmed = applyEventsImmutably(stateWith([c], 10), [updatedEvent(11, c.id, { status: 'agreed' })]);
    const queue = [pending({ id: uuid(), workspaceId: WORKSPACE_ID, type: 'card.update', payload: { cardId: c.id, changes: { title: 'Mein Titel' } } })];
    const view = applyPending(confirmed, queue, ME);
    expect(view.cards[c.id]).toMatchObject({ title: 'Mein Titel', status: 'agreed' });
    expect(view.seq).toBe(11);
    expect(c.updatedAt).toBe(AT);
  });
});
