import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { ChecklistItem } from '@verbund/shared/features/checklists/checklists-feature';
import { useCommandQueue } from '../../lib/command-queue';
import { applyPending } from '../../lib/predict';
import { AT, card, ME, PERSON_ID, stateWith, uuid } from '../../test/fixtures';
import { renderInWorkspace } from '../../test/render';
import { ChecklistSection } from './checklist-section';

afterEach(() => {
  cleanup();
  useCommandQueue.setState({ pending: [] });
});

const c = card({ title: 'Servicekonto' });
const item = (text: string, position: string, done = false): ChecklistItem => ({
  id: uuid(), cardId: c.id, text, done, position, createdBy: PERSON_ID, createdAt: AT, doneBy: done ? PERSON_ID : null, doneAt: done ? AT : null,
});
const first = item('Angebot einholen', 'a0', true);
const second = item('Vertrag prüfen', 'a1');
// Out of insertion order on purpose: the list shows position order.
const items = { [second.id]: second, [first.id]: first };
const sent = () => useCommandQueue.getState().pending.map((p) => p.command);

describe('ChecklistSection (C1–C5)', () => {
  it('lists the items in position order with their ticks and the progress', () => {
    renderInWorkspace(<ChecklistSection card={c} items={items} idPrefix="t" />);
    const rows = within(screen.getByRole('list', { name: 'Checkliste' })).getAllByRole('checkbox');
    expect(rows.map((box) => [box.closest('li')?.querySelector('label')?.textContent, (box as HTMLInputElement).checked])).toEqual([
      ['Angebot einholen', true],
      ['Vertrag prüfen', false],
    ]);
    expect(screen.getByText('1 von 2 erledigt')).toBeInTheDocument();
  });

  it('adds an item through the queue, trimmed, and refuses an empty one', () => {
    renderInWorkspace(<ChecklistSection card={c} items={undefined} idPrefix="t" />);
    expect(screen.getByText('Noch keine Punkte.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Punkt hinzufügen' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Bitte geben Sie einen Punkt ein');
    expect(sent()).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Neuer Punkt'), { target: { value: '  Angebot einholen ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Punkt hinzufügen' }));
    expect(sent()).toMatchObject([{ type: 'checklist.add_item', payload: { cardId: c.id, text: 'Angebot einholen' } }]);
    expect(screen.getByLabelText('Neuer Punkt')).toHaveValue('');
  });

  it('S16 the added item shows at once: the queued command is predicted with the shared reducers', () => {
    renderInWorkspace(<ChecklistSection card={c} items={items} idPrefix="t" />);
    fireEvent.change(screen.getByLabelText('Neuer Punkt'), { target: { value: 'Unterschreiben' } });
    fireEvent.click(screen.getByRole('button', { name: 'Punkt hinzufügen' }));
    const state = { ...stateWith([c]), checklists: { [c.id]: items } };
    const shown = applyPending(state, useCommandQueue.getState().pending, ME).checklists[c.id];
    cleanup();
    renderInWorkspace(<ChecklistSection card={c} items={shown} idPrefix="t" />);
    expect(screen.getAllByRole('checkbox').map((box) => box.closest('li')?.querySelector('label')?.textContent)).toEqual(['Angebot einholen', 'Vertrag prüfen', 'Unterschreiben']);
  });

  it('ticks, unticks, moves and removes with one command each', () => {
    renderInWorkspace(<ChecklistSection card={c} items={items} idPrefix="t" />);
    fireEvent.click(screen.getByLabelText('Vertrag prüfen'));
    fireEvent.click(screen.getByLabelText('Angebot einholen'));
    expect(screen.getByRole('button', { name: '„Angebot einholen“ nach oben' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: '„Vertrag prüfen“ nach oben' }));
    fireEvent.click(screen.getByRole('button', { name: '„Angebot einholen“ entfernen' }));
    const [tick, untick, move, remove] = sent();
    expect(tick).toMatchObject({ type: 'checklist.tick_item', payload: { itemId: second.id, done: true } });
    expect(untick).toMatchObject({ type: 'checklist.tick_item', payload: { itemId: first.id, done: false } });
    expect(move).toMatchObject({ type: 'checklist.move_item', payload: { itemId: second.id } });
    expect(move?.type === 'checklist.move_item' && move.payload.position < 'a0').toBe(true);
    expect(remove).toMatchObject({ type: 'checklist.remove_item', payload: { cardId: c.id, itemId: first.id } });
    expect(screen.getByLabelText('Neuer Punkt')).toHaveFocus();
  });

  it('renames in place; Escape leaves the text as it was', () => {
    renderInWorkspace(<ChecklistSection card={c} items={items} idPrefix="t" />);
    fireEvent.click(screen.getByRole('button', { name: '„Vertrag prüfen“ umbenennen' }));
    const input = screen.getByLabelText('Neuer Text für „Vertrag prüfen“');
    expect(input).toHaveFocus();
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByLabelText('Neuer Text für „Vertrag prüfen“')).toBeNull();
    expect(screen.getByRole('button', { name: '„Vertrag prüfen“ umbenennen' })).toHaveFocus();

    fireEvent.click(screen.getByRole('button', { name: '„Vertrag prüfen“ umbenennen' }));
    fireEvent.change(screen.getByLabelText('Neuer Text für „Vertrag prüfen“'), { target: { value: 'Vertrag unterschreiben' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(sent()).toMatchObject([{ type: 'checklist.rename_item', payload: { itemId: second.id, text: 'Vertrag unterschreiben' } }]);
  });

  it('S15 an archived card shows its checklist read-only', () => {
    renderInWorkspace(<ChecklistSection card={{ ...c, archived: true }} items={items} idPrefix="t" />);
    for (const box of screen.getAllByRole('checkbox')) expect(box).toBeDisabled();
    expect(screen.getByRole('button', { name: '„Vertrag prüfen“ entfernen' })).toBeDisabled();
    expect(screen.queryByLabelText('Neuer Punkt')).toBeNull();
  });
});
