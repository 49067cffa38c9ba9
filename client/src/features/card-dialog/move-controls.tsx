import { useTranslation } from 'react-i18next';
import type { Card } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { buildColumns, type MoveDirection } from '../../lib/card-moves';
import { newId, submitCommand } from '../../lib/command-queue';
import { moveCardBy } from '../../lib/move-card';
import { useAnnouncer } from '../../lib/announcer-store';
import { useSession } from '../../lib/session-context';
import { useUiStore } from '../../lib/ui-store';

type Props = { card: Card; state: WorkspaceState; headingId: string };

const MOVES: { direction: MoveDirection; key: string; shortcut: string }[] = [
  { direction: 'up', key: 'card.moveUp', shortcut: 'Alt+ArrowUp' },
  { direction: 'down', key: 'card.moveDown', shortcut: 'Alt+ArrowDown' },
  { direction: 'left', key: 'card.moveLeft', shortcut: 'Alt+ArrowLeft' },
  { direction: 'right', key: 'card.moveRight', shortcut: 'Alt+ArrowRight' },
];

/** The keyboard shortcuts as buttons, for people who do not know them or cannot drag. */
export function MoveControls({ card, state, headingId }: Props) {
  const { t } = useTranslation();
  const { membership } = useSession();
  const view = useUiStore((s) => s.view);
  const columns = buildColumns(
    Object.values(state.cards).filter((c) => !c.archived || c.id === card.id),
    view,
  );
  const move = (direction: MoveDirection) => moveCardBy(t, membership.workspaceId, view, columns, card, direction);
  const toggleArchive = () => {
    const type = card.archived ? 'card.restore' : 'card.archive';
    submitCommand({ id: newId(), workspaceId: membership.workspaceId, type, payload: { cardId: card.id } });
    useAnnouncer.getState().announce(t(card.archived ? 'card.restoredDone' : 'card.archivedDone', { title: card.title }));
  };

  return (
    <section className="dialog-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('card.move')}</h3>
      <div className="button-row">
        {MOVES.map((m) => (
          <button key={m.direction} type="button" className="button button-secondary" aria-keyshortcuts={m.shortcut} onClick={() => move(m.direction)}>
            {t(m.key)}
          </button>
        ))}
        <button type="button" className="button button-secondary" onClick={toggleArchive}>
          {card.archived ? t('card.restore') : t('card.archive')}
        </button>
      </div>
    </section>
  );
}
