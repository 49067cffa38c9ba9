import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { useCommandQueue } from '../../lib/command-queue';
import { ME, PARTNER_WOB, stateWith, uuid } from '../../test/fixtures';
import { renderInWorkspace } from '../../test/render';
import { CommentsPanel } from './comments-panel';

afterEach(() => {
  cleanup();
  useCommandQueue.setState({ pending: [] });
});

describe('CommentsPanel', () => {
  const cardId = uuid();
  const formerId = uuid();
  const people = [
    { id: ME.id, name: 'Anna Beispiel', partnerId: PARTNER_WOB, roles: ['member' as const], active: true, erased: false },
    { id: formerId, name: '', partnerId: PARTNER_WOB, roles: ['member' as const], active: false, erased: true },
  ];
  const { partners } = stateWith([]);

  it('shows author, partner and the body as text', () => {
    const body = '<b>fett</b>';
    renderInWorkspace(<CommentsPanel cardId={cardId} comments={[{ id: uuid(), cardId, authorId: ME.id, body, createdAt: '2026-01-01T10:00:00.000Z' }]} people={people} partners={partners} />);
    expect(screen.getByText('Anna Beispiel')).toBeInTheDocument();
    expect(screen.getByText('WOB')).toBeInTheDocument();
    expect(screen.getByText(body)).toBeInTheDocument();
    expect(document.querySelector('.comment-body b')).toBeNull();
  });

  it('names an erased author only by their partner', () => {
    renderInWorkspace(<CommentsPanel cardId={cardId} comments={[{ id: uuid(), cardId, authorId: formerId, body: 'Alt', createdAt: '2026-01-01T10:00:00.000Z' }]} people={people} partners={partners} />);
    expect(screen.getByText('ehemaliges Mitglied von Stadt Wolfsburg')).toBeInTheDocument();
  });

  it('queues comment.add and refuses an empty comment', () => {
    renderInWorkspace(<CommentsPanel cardId={cardId} comments={[]} people={people} partners={partners} />);
    fireEvent.click(screen.getByRole('button', { name: 'Kommentieren' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Bitte schreiben Sie einen Kommentar.');
    expect(useCommandQueue.getState().pending).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Neuer Kommentar'), { target: { value: '  Guter Punkt ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Kommentieren' }));
    expect(useCommandQueue.getState().pending[0]?.command).toMatchObject({ type: 'comment.add', payload: { cardId, body: 'Guter Punkt' } });
  });
});
