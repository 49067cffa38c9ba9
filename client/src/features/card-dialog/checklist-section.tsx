import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checklistProgress, orderedItems } from '@verbund/shared/features/checklists/checklist-items';
import { CHECKLIST_LIMITS, checklistTextSchema, type ChecklistItem } from '@verbund/shared/features/checklists/checklists-feature';
import type { Card } from '@verbund/shared/model';
import { useAnnouncer } from '../../lib/announcer-store';
import { newId, submitCommand } from '../../lib/command-queue';
import { useSession } from '../../lib/session-context';
import { ChecklistItemRow } from './checklist-item-row';
import { positionForMove } from './checklist-moves';

type Props = { card: Card; items: Readonly<Record<string, ChecklistItem>> | undefined; idPrefix: string };

/** The card's checklist (C1–C5): its items in order, and a field to add one at the end. */
export function ChecklistSection({ card, items, idPrefix }: Props) {
  const { t } = useTranslation();
  const { membership } = useSession();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const ordered = orderedItems(items);
  const progress = checklistProgress(items);
  const headingId = `${idPrefix}-checklist`;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = checklistTextSchema.safeParse(text);
    if (!parsed.success) return setInvalid(true);
    submitCommand({ id: newId(), workspaceId: membership.workspaceId, type: 'checklist.add_item', payload: { cardId: card.id, itemId: newId(), text: parsed.data } });
    useAnnouncer.getState().announce(t('checklist.added', { text: parsed.data }));
    setText('');
    setInvalid(false);
  };

  const moveTarget = (index: number, direction: 'up' | 'down') => {
    const position = positionForMove(ordered, index, direction);
    const to = direction === 'up' ? index - 1 : index + 1;
    return position === null ? null : { position, index: to + 1 };
  };

  return (
    <section className="dialog-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('checklist.heading')}</h3>
      {progress === null ? (
        <p className="muted">{t('checklist.empty')}</p>
      ) : (
        <>
          <p className="muted small">{t('checklist.progress', progress)}</p>
          <ul className="checklist" aria-labelledby={headingId}>
            {ordered.map((item, index) => (
              <ChecklistItemRow
                key={item.id}
                item={item}
                idPrefix={idPrefix}
                moves={{ up: moveTarget(index, 'up'), down: moveTarget(index, 'down') }}
                total={ordered.length}
                disabled={card.archived}
                onRemoved={() => input.current?.focus()}
              />
            ))}
          </ul>
        </>
      )}
      {!card.archived && (
        <form className="checklist-add" onSubmit={onSubmit} noValidate>
          <div className="field">
            <label htmlFor={`${headingId}-new`}>{t('checklist.newItem')}</label>
            <input
              ref={input}
              id={`${headingId}-new`}
              value={text}
              maxLength={CHECKLIST_LIMITS.itemText}
              onChange={(e) => setText(e.target.value)}
              aria-invalid={invalid}
              aria-describedby={invalid ? `${headingId}-error` : undefined}
            />
          </div>
          <button type="submit" className="button button-secondary">
            {t('checklist.add')}
          </button>
          {invalid && (
            <p id={`${headingId}-error`} role="alert" className="form-error">
              {t('checklist.textInvalid')}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
