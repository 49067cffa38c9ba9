import { useEffect, useId, useMemo, useState, type FocusEvent, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { docIdOf } from '@verbund/shared/docs';
import type { Card, Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { CardPresence } from '../../components/card-presence';
import { useAnnouncer } from '../../lib/announcer-store';
import { newId, submitCommand } from '../../lib/command-queue';
import { formatDateTime, isWebUrl } from '../../lib/format';
import { useModalDialog } from '../../lib/use-modal-dialog';
import { presenceOnCard, usePresenceStore } from '../../lib/presence-store';
import { useSession } from '../../lib/session-context';
import { CollabEditor } from '../editor/collab-editor';
import { changesFromDraft, type Draft } from './card-draft';
import { CardFormFields } from './card-form-fields';
import { ChecklistSection } from './checklist-section';
import { MoveControls } from './move-controls';

type Props = { cardId: string; state: WorkspaceState; people: Person[]; onClose: () => void; sections?: ReactNode; overlays?: ReactNode };

export function CardDialog({ cardId, state, people, onClose, sections, overlays }: Props) {
  const { t } = useTranslation();
  const idPrefix = useId().replace(/:/g, '');
  const titleId = `${idPrefix}-title-heading`;
  const ref = useModalDialog(onClose, { returnFocusSelector: `[data-card-id="${cardId}"]` });
  const card = state.cards[cardId];

  useEffect(() => {
    const { setMine } = usePresenceStore.getState();
    setMine({ viewingCardId: cardId, editingCardId: null });
    return () => setMine({ viewingCardId: null, editingCardId: null });
  }, [cardId]);

  return (
    <dialog ref={ref} className="card-dialog" aria-labelledby={titleId}>
      {card ? (
        <CardDialogBody card={card} state={state} people={people} idPrefix={idPrefix} titleId={titleId} onClose={onClose} sections={sections} />
      ) : (
        <div className="dialog-header">
          <h2 id={titleId}>{t('card.gone')}</h2>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('card.close')}
          </button>
        </div>
      )}
      {overlays}
    </dialog>
  );
}

type BodyProps = { card: Card; state: WorkspaceState; people: Person[]; idPrefix: string; titleId: string; onClose: () => void; sections?: ReactNode };

function CardDialogBody({ card, state, people, idPrefix, titleId, onClose, sections }: BodyProps) {
  const { t, i18n } = useTranslation();
  const { me, membership } = useSession();
  const entries = usePresenceStore((s) => s.entries);
  const [draft, setDraft] = useState<Draft>({});
  const [invalid, setInvalid] = useState<string[]>([]);
  const partners = useMemo(() => Object.values(state.partners).sort((a, b) => a.name.localeCompare(b.name, 'de')), [state.partners]);
  const creator = people.find((p) => p.id === card.createdBy);

  const onFocus = () => usePresenceStore.getState().setMine({ viewingCardId: card.id, editingCardId: card.id });
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (event.currentTarget.contains(event.relatedTarget)) return;
    usePresenceStore.getState().setMine({ viewingCardId: card.id, editingCardId: null });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = changesFromDraft(card, draft);
    if (!result.ok) return setInvalid(result.invalid);
    setInvalid([]);
    setDraft({});
    if (Object.keys(result.changes).length === 0) return useAnnouncer.getState().announce(t('card.nothingChanged'));
    submitCommand({ id: newId(), workspaceId: membership.workspaceId, type: 'card.update', payload: { cardId: card.id, changes: result.changes } });
    useAnnouncer.getState().announce(t('card.saved'));
  };

  const errorText = (path: string) => {
    if (path === 'title') return t('card.invalid.title');
    if (path.startsWith('links')) return t('card.invalid.url', { n: Number(path.split('.')[1] ?? 0) + 1 });
    if (path.startsWith('tags')) return t('card.invalid.tag');
    return path;
  };

  return (
    <>
      <div className="dialog-header">
        <div>
          <h2 id={titleId}>{card.title}</h2>
          <p className="muted small">
            {t('card.meta', { date: formatDateTime(card.createdAt, i18n.language) })}
            {creator ? ` · ${creator.name}` : ''}
          </p>
          <CardPresence presence={presenceOnCard(entries, card.id, me.id)} partners={state.partners} />
        </div>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('card.close')}
        </button>
      </div>
      {card.archived && <p className="notice">{t('card.archivedNotice')}</p>}
      {/* The description is written live (rule Y17); focus in it counts as editing the card, as in the form. */}
      <div className="card-editing" onFocus={onFocus} onBlur={onBlur}>
        <div className="card-description">
          <CollabEditor
            key={`${card.id}:${card.archived}`}
            docId={docIdOf('card-description', card.id)}
            label={t('card.description')}
            readOnly={card.archived}
            readOnlyNote={t('card.descriptionArchived')}
            partners={state.partners}
            preview={card.description}
          />
        </div>
        <form className="card-form" onSubmit={onSubmit} noValidate aria-labelledby={`${idPrefix}-details`}>
          <h3 id={`${idPrefix}-details`}>{t('card.details')}</h3>
          <CardFormFields
            idPrefix={idPrefix}
            card={card}
            draft={draft}
            onDraft={(patch) => setDraft((d) => ({ ...d, ...patch }))}
            partners={partners}
            people={people}
            partnerShortName={(id) => state.partners[id]?.shortName ?? '?'}
          />
          {invalid.length > 0 && (
            // role="alert" on the <ul> itself would strip its list role and orphan the <li>s.
            <div role="alert" className="form-error">
              <ul>
                {invalid.map((path) => (
                  <li key={path}>{errorText(path)}</li>
                ))}
              </ul>
            </div>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t('card.save')}
            </button>
            {Object.keys(draft).length > 0 && (
              <button type="button" className="button button-quiet" onClick={() => setDraft({})}>
                {t('card.discard')}
              </button>
            )}
          </div>
        </form>
      </div>
      {card.links.length > 0 && (
        <ul className="link-list" aria-label={t('card.links')}>
          {card.links.map((link, index) => (
            <li key={`${link.url}-${index}`}>
              {isWebUrl(link.url) ? (
                <a href={link.url} target="_blank" rel="noopener noreferrer">
                  {link.label ?? link.url}
                </a>
              ) : (
                <span>{link.label ?? link.url}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <ChecklistSection card={card} items={state.checklists[card.id]} idPrefix={idPrefix} />
      <MoveControls card={card} state={state} headingId={`${idPrefix}-move`} />
      {sections}
    </>
  );
}
