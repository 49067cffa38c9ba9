import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { useCommandQueue } from '../../lib/command-queue';
import { card, stateWith } from '../../test/fixtures';
import { renderInWorkspace } from '../../test/render';
import { CardDialog } from './card-dialog';

const EVIL = '<script>window.__pwned = true</script><img src=x onerror="window.__pwned = true">';

afterEach(() => {
  cleanup();
  useCommandQueue.setState({ pending: [] });
});

describe('CardDialog', () => {
  it('renders script and HTML in a title and description as inert text', () => {
    const c = card({ title: EVIL, description: EVIL });
    renderInWorkspace(<CardDialog cardId={c.id} state={stateWith([c])} people={[]} onClose={() => undefined} />);

    const dialog = screen.getByRole('dialog', { name: EVIL });
    expect(screen.getByRole('heading', { level: 2, name: EVIL })).toHaveTextContent(EVIL);
    expect(dialog.querySelector('script')).toBeNull();
    expect(dialog.querySelector('img')).toBeNull();
    expect(screen.getByLabelText('Titel')).toHaveValue(EVIL);
    expect((window as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('links only http(s) URLs, with rel="noopener noreferrer"', () => {
    const c = card({ links: [{ url: 'https://example.org/a', label: 'Konzept' }, { url: 'javascript:alert(1)', label: 'Böse' }] });
    renderInWorkspace(<CardDialog cardId={c.id} state={stateWith([c])} people={[]} onClose={() => undefined} />);

    expect(screen.getByRole('link', { name: 'Konzept' })).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.queryByRole('link', { name: 'Böse' })).toBeNull();
    expect(screen.getByText('Böse')).toBeInTheDocument();
  });

  it('saves only the fields that were changed', () => {
    const c = card({ title: 'Serviceportal', description: 'Text' });
    renderInWorkspace(<CardDialog cardId={c.id} state={stateWith([c])} people={[]} onClose={() => undefined} />);

    fireEvent.change(screen.getByLabelText('Titel'), { target: { value: 'Serviceportal 2.0' } });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'agreed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));

    const sent = useCommandQueue.getState().pending.map((p) => p.command);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'card.update', payload: { cardId: c.id, changes: { title: 'Serviceportal 2.0', status: 'agreed' } } });
    expect(Object.keys(sent[0]?.type === 'card.update' ? sent[0].payload.changes : {})).toEqual(['title', 'status']);
  });

  it('closes through the close button', () => {
    const c = card();
    const onClose = vi.fn();
    renderInWorkspace(<CardDialog cardId={c.id} state={stateWith([c])} people={[]} onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Schließen' }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});
