import { useCallback, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { docIdOf } from '@verbund/shared/docs';
import type { PositionVersion } from '@verbund/shared/features/positions/positions-feature';
import type { Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { PmDoc } from '@verbund/shared/rich-text';
import { SelectField } from '../../components/select-field';
import { useAnnouncer } from '../../lib/announcer-store';
import { formatDateTime } from '../../lib/format';
import { nameOf } from '../../lib/person-name';
import { navigate, onLinkClick, routePath } from '../../lib/router';
import { useUiStore } from '../../lib/ui-store';
import { useCommand } from '../../lib/use-command';
import { CollabEditor } from '../editor/collab-editor';
import { DispatchSection } from './dispatch-section';
import { PositionExport } from './position-export';
import { PositionForm } from './position-form';
import { SignoffSection } from './signoff-section';
import { VersionsSection } from './versions-section';
import { addresseeText, dueText, leadText } from '../../lib/position-text';
import type { Passage } from '../../lib/passage-store';

type Props = {
  positionId: string;
  state: WorkspaceState;
  people: Person[];
  /** For the person leading a running session (from the app): shows everyone a passage of the text (M45). */
  sharePassage?: ((positionId: string, passage: Passage) => void) | null;
};

/** One position: its details (editable while a draft, P2) and the initiatives it concerns (P4). */
export function PositionPage({ positionId, state, people, sharePassage }: Props) {
  const { t, i18n } = useTranslation();
  const command = useCommand();
  const openCard = useUiStore((s) => s.openCard);
  const id = useId().replace(/:/g, '');
  const [editing, setEditing] = useState(false);
  const [cardToLink, setCardToLink] = useState('');
  const [restored, setRestored] = useState<{ content: PmDoc; version: PositionVersion } | null>(null);
  const onRestored = useCallback(() => {
    if (restored) useAnnouncer.getState().announce(t('versions.restored', { name: restored.version.name }));
    setRestored(null);
  }, [restored, t]);
  const position = state.positions[positionId];

  if (!position) {
    return (
      <div className="page">
        <h2 id="page-heading" tabIndex={-1}>
          {t('positions.heading')}
        </h2>
        <p className="notice">{t('positions.notFound')}</p>
        <a href={routePath({ name: 'positions' })} onClick={onLinkClick}>
          {t('positions.back')}
        </a>
      </div>
    );
  }

  const draft = position.status === 'draft';
  const cardTitle = (cardId: string) => state.cards[cardId]?.title ?? t('audit.text.unknownCard');
  const linkable = Object.values(state.cards)
    .filter((c) => !c.archived && !position.cardIds.includes(c.id))
    .sort((a, b) => a.title.localeCompare(b.title, 'de'));
  const link = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!cardToLink) return;
    command.mutate(
      { type: 'position.link_card', payload: { positionId, cardId: cardToLink }, done: t('positions.linked', { title: cardTitle(cardToLink) }) },
      { onSuccess: () => setCardToLink('') },
    );
  };
  const showOnBoard = (cardId: string) => {
    navigate(routePath({ name: 'board' }));
    openCard(cardId);
  };

  return (
    <div className="page position-page">
      <p>
        <a href={routePath({ name: 'positions' })} onClick={onLinkClick}>
          {t('positions.back')}
        </a>
      </p>
      <h2 id="page-heading" tabIndex={-1}>
        {position.title}
      </h2>
      <p className="muted">
        <span className="badge">{t(`positions.status.${position.status}`)}</span>{' '}
        {t('positions.createdBy', { name: nameOf(t, people, state.partners, position.createdBy), date: formatDateTime(position.createdAt, i18n.language) })}
      </p>

      <section className="panel" aria-labelledby={`${id}-details`}>
        <h3 id={`${id}-details`}>{t('positions.details')}</h3>
        {editing ? (
          <PositionForm
            initial={position}
            partners={state.partners}
            submitLabel={t('positions.save')}
            pending={command.isPending}
            onCancel={() => setEditing(false)}
            onSubmit={(fields) =>
              command.mutate({ type: 'position.update', payload: { positionId, changes: fields }, done: t('positions.saved') }, { onSuccess: () => setEditing(false) })
            }
          />
        ) : (
          <>
            <dl className="facts">
              <dt>{t('positions.field.addressee')}</dt>
              <dd>{addresseeText(t, position)}</dd>
              <dt>{t('positions.field.leadPartnerId')}</dt>
              <dd>{leadText(t, state.partners, position)}</dd>
              <dt>{t('positions.field.dueDate')}</dt>
              <dd>{dueText(t, i18n.language, position)}</dd>
            </dl>
            {draft ? (
              <div className="form-actions">
                <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
                  {t('positions.edit')}
                </button>
              </div>
            ) : (
              <p className="notice">{t('positions.frozen')}</p>
            )}
          </>
        )}
      </section>

      <SignoffSection positionId={positionId} state={state} people={people} />

      <section className="panel" aria-labelledby={`${id}-text`}>
        <h3 id={`${id}-text`}>{t('positions.text')}</h3>
        <CollabEditor
          key={`${positionId}:${draft}`}
          docId={docIdOf('position', positionId)}
          label={t('positions.textLabel')}
          hideLabel
          readOnly={!draft}
          readOnlyNote={t('positions.textFrozen')}
          partners={state.partners}
          annotations
          replaceWith={restored?.content ?? null}
          onReplaced={onRestored}
          sharePassage={sharePassage ? (passage) => sharePassage(positionId, passage) : null}
        />
      </section>

      <VersionsSection positionId={positionId} state={state} people={people} writable={draft} onRestore={(content, version) => setRestored({ content, version })} />

      <DispatchSection position={position} state={state} people={people} />

      <section className="panel" aria-labelledby={`${id}-cards`}>
        <h3 id={`${id}-cards`}>{t('positions.cardsHeading')}</h3>
        {position.cardIds.length === 0 && <p className="muted">{t('positions.noCards')}</p>}
        {position.cardIds.length > 0 && (
          <ul className="plain-list linked-cards">
            {position.cardIds.map((cardId) => (
              <li key={cardId}>
                <button type="button" className="button button-quiet" onClick={() => showOnBoard(cardId)} aria-label={t('positions.openOnBoard', { title: cardTitle(cardId) })}>
                  {cardTitle(cardId)}
                </button>{' '}
                <button
                  type="button"
                  className="button button-quiet"
                  disabled={command.isPending}
                  onClick={() => command.mutate({ type: 'position.unlink_card', payload: { positionId, cardId }, done: t('positions.unlinked', { title: cardTitle(cardId) }) })}
                  aria-label={t('positions.unlink', { title: cardTitle(cardId) })}
                >
                  {t('positions.unlinkShort')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {linkable.length > 0 && (
          <form className="inline-form" onSubmit={link}>
            <SelectField
              id={`${id}-link`}
              label={t('positions.linkCard')}
              value={cardToLink}
              onChange={setCardToLink}
              options={linkable.map((c) => ({ value: c.id, label: c.title }))}
              emptyLabel={t('positions.chooseCard')}
              inline
            />
            <button type="submit" className="button button-secondary" disabled={!cardToLink || command.isPending}>
              {t('positions.link')}
            </button>
          </form>
        )}
      </section>

      <PositionExport workspaceId={state.workspaceId} positionId={positionId} headingId={`${id}-export`} />
    </div>
  );
}
