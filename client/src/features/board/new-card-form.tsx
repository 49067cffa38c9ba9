import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { areaSchema, statusSchema, titleSchema, type Area, type Card, type Status } from '@verbund/shared/model';
import { SubmitActions } from '../../components/form-parts';
import { SelectField } from '../../components/select-field';
import { useAnnouncer } from '../../lib/announcer-store';
import { buildColumns, columnOf, positionAtEnd } from '../../lib/card-moves';
import { newId, submitCommand } from '../../lib/command-queue';
import { areaOptions, statusOptions } from '../../lib/select-options';
import { useSession } from '../../lib/session-context';
import type { BoardView } from '../../lib/ui-store';

type Props = { boardId: string | null; cards: Card[]; view: BoardView; onCreated: (cardId: string) => void };

export function NewCardForm({ boardId, cards, view, onCreated }: Props) {
  const { t } = useTranslation();
  const { membership } = useSession();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [area, setArea] = useState<Area>('basisdienste');
  const [status, setStatus] = useState<Status>('idea');
  const [error, setError] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const id = useId();

  const close = () => {
    setOpen(false);
    setTitle('');
    setError(false);
    toggleRef.current?.focus();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsedTitle = titleSchema.safeParse(title);
    if (!parsedTitle.success || !boardId) return setError(true);
    const fields = { title: parsedTitle.data, area, status };
    const column = view === 'area' ? area : status;
    const columnCards = buildColumns(cards.filter((c) => !c.archived), view).get(column) ?? [];
    const cardId = newId();
    submitCommand({
      id: newId(),
      workspaceId: membership.workspaceId,
      type: 'card.create',
      payload: { cardId, boardId, position: positionAtEnd(columnCards.filter((c) => columnOf(c, view) === column)), fields },
    });
    useAnnouncer.getState().announce(t('board.created', { title: fields.title }));
    setTitle('');
    setError(false);
    setOpen(false);
    onCreated(cardId);
  };

  if (!open) {
    return (
      <button ref={toggleRef} type="button" className="button button-primary" aria-expanded={false} onClick={() => setOpen(true)} disabled={!boardId}>
        {t('board.newCard')}
      </button>
    );
  }

  return (
    <form className="new-card-form" onSubmit={onSubmit} aria-labelledby={`${id}-legend`} noValidate>
      <h2 id={`${id}-legend`} className="new-card-heading">
        {t('board.newCard')}
      </h2>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('board.newCardTitle')}</label>
        <input
          id={`${id}-title`}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          autoFocus
          maxLength={200}
          aria-invalid={error}
          aria-describedby={error ? `${id}-error` : undefined}
          onKeyDown={(e) => e.key === 'Escape' && close()}
        />
      </div>
      <SelectField id={`${id}-area`} label={t('board.newCardArea')} value={area} onChange={(v) => setArea(areaSchema.catch('basisdienste').parse(v))} options={areaOptions(t)} />
      <SelectField id={`${id}-status`} label={t('board.newCardStatus')} value={status} onChange={(v) => setStatus(statusSchema.catch('idea').parse(v))} options={statusOptions(t)} />
      <SubmitActions label={t('board.newCardCreate')}>
        <button type="button" className="button button-secondary" onClick={close}>
          {t('board.newCardCancel')}
        </button>
      </SubmitActions>
      {error && (
        <p id={`${id}-error`} role="alert" className="form-error">
          {t('board.newCardTitleMissing')}
        </p>
      )}
    </form>
  );
}
