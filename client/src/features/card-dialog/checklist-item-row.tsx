import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECKLIST_LIMITS, checklistTextSchema, type ChecklistItem } from '@verbund/shared/features/checklists/checklists-feature';
import { useAnnouncer } from '../../lib/announcer-store';
import { newId, submitCommand } from '../../lib/command-queue';
import { useSession } from '../../lib/session-context';

type Direction = 'up' | 'down';
type Props = {
  item: ChecklistItem;
  idPrefix: string;
  /** The key one place up or down (null at that edge), and where the item then stands. */
  moves: Record<Direction, { position: string; index: number } | null>;
  total: number;
  disabled: boolean;
  /** Where focus goes once the row is gone. */
  onRemoved: () => void;
};

/** One checklist item: tick, rename in place, move up or down, remove. Each sends its own command. */
export function ChecklistItemRow({ item, idPrefix, moves, total, disabled, onRemoved }: Props) {
  const { t } = useTranslation();
  const { membership } = useSession();
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const buttons = { up: useRef<HTMLButtonElement>(null), down: useRef<HTMLButtonElement>(null) };
  const input = useRef<HTMLInputElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const hadEditor = useRef(false);
  const editing = draft !== null;
  const checkboxId = `${idPrefix}-item-${item.id}`;
  const ref = { cardId: item.cardId, itemId: item.id };
  const workspaceId = membership.workspaceId;

  // Focus goes into the editor when it opens and back to "Umbenennen" when it closes.
  useEffect(() => {
    if (editing) input.current?.focus();
    else if (hadEditor.current) renameButton.current?.focus();
    hadEditor.current = editing;
  }, [editing]);

  const tick = (done: boolean) => submitCommand({ id: newId(), workspaceId, type: 'checklist.tick_item', payload: { ...ref, done } });

  const move = (direction: Direction) => {
    const target = moves[direction];
    if (!target) return;
    submitCommand({ id: newId(), workspaceId, type: 'checklist.move_item', payload: { ...ref, position: target.position } });
    useAnnouncer.getState().announce(t('checklist.moved', { text: item.text, index: target.index, total }));
    // The row is re-ordered, not re-mounted; at an edge its button is disabled, so focus goes to the other one.
    setTimeout(() => {
      const same = buttons[direction].current;
      (same && !same.disabled ? same : buttons[direction === 'up' ? 'down' : 'up'].current)?.focus();
    }, 0);
  };

  const remove = () => {
    submitCommand({ id: newId(), workspaceId, type: 'checklist.remove_item', payload: ref });
    useAnnouncer.getState().announce(t('checklist.removed', { text: item.text }));
    onRemoved();
  };

  const stopEditing = () => {
    setDraft(null);
    setInvalid(false);
  };

  const rename = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = checklistTextSchema.safeParse(draft);
    if (!parsed.success) return setInvalid(true);
    if (parsed.data !== item.text) submitCommand({ id: newId(), workspaceId, type: 'checklist.rename_item', payload: { ...ref, text: parsed.data } });
    stopEditing();
  };

  const cancelOnEscape = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Escape') return;
    // Escape ends the editing here; it must not also close the whole dialog.
    event.preventDefault();
    event.stopPropagation();
    stopEditing();
  };

  if (editing) {
    return (
      <li className="checklist-item">
        <form className="checklist-rename" onSubmit={rename} noValidate>
          <label htmlFor={`${checkboxId}-text`} className="visually-hidden">
            {t('checklist.renameLabel', { text: item.text })}
          </label>
          <input
            id={`${checkboxId}-text`}
            value={draft}
            maxLength={CHECKLIST_LIMITS.itemText}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={cancelOnEscape}
            aria-invalid={invalid}
            aria-describedby={invalid ? `${checkboxId}-error` : undefined}
            ref={input}
          />
          <button type="submit" className="button button-secondary">
            {t('checklist.save')}
          </button>
          <button type="button" className="button button-quiet" onClick={stopEditing}>
            {t('checklist.cancel')}
          </button>
          {invalid && (
            <p id={`${checkboxId}-error`} role="alert" className="form-error">
              {t('checklist.textInvalid')}
            </p>
          )}
        </form>
      </li>
    );
  }

  return (
    <li className={item.done ? 'checklist-item checklist-item-done' : 'checklist-item'}>
      <span className="checkbox">
        <input id={checkboxId} type="checkbox" checked={item.done} disabled={disabled} onChange={(e) => tick(e.target.checked)} />
        <label htmlFor={checkboxId}>{item.text}</label>
      </span>
      <span className="button-row checklist-actions">
        {(['up', 'down'] as const).map((direction) => (
          <button
            key={direction}
            ref={buttons[direction]}
            type="button"
            className="button button-quiet"
            disabled={disabled || !moves[direction]}
            aria-label={t(direction === 'up' ? 'checklist.moveUpLabel' : 'checklist.moveDownLabel', { text: item.text })}
            onClick={() => move(direction)}
          >
            {t(direction === 'up' ? 'checklist.moveUp' : 'checklist.moveDown')}
          </button>
        ))}
        <button
          ref={renameButton}
          type="button"
          className="button button-quiet"
          disabled={disabled}
          aria-label={t('checklist.renameAction', { text: item.text })}
          onClick={() => setDraft(item.text)}
        >
          {t('checklist.rename')}
        </button>
        <button type="button" className="button button-quiet" disabled={disabled} aria-label={t('checklist.removeLabel', { text: item.text })} onClick={remove}>
          {t('checklist.remove')}
        </button>
      </span>
    </li>
  );
}
