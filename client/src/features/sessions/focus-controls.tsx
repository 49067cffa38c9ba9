import { useTranslation } from 'react-i18next';
import type { SessionFocus } from '@verbund/shared/features/sessions/focus';
import type { AgendaItem, ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import type { WorkspaceState } from '@verbund/shared/projection';
import { LINK_KINDS, linkTitle, type LinkKind } from './item-links';
import { useSetFocus } from './use-set-focus';

type Props = { session: ModeratedSession; item: AgendaItem; state: WorkspaceState };

const focusOf = (kind: LinkKind, id: string): SessionFocus =>
  kind === 'cardIds' ? { kind: 'card', cardId: id } : kind === 'voteIds' ? { kind: 'vote', voteId: id } : { kind: 'position', positionId: id, passage: null };

/**
 * M45: the person leading shows everyone what the current item treats: the item itself (back to the
 * agenda), or one of its initiatives, votes or positions; everyone following is taken there (M49).
 */
export function FocusControls({ session, item, state }: Props) {
  const { t } = useTranslation();
  const setFocus = useSetFocus(session.id);
  const linked = LINK_KINDS.flatMap((kind) => item.links[kind].map((id) => ({ kind, id, title: linkTitle(t, state, kind, id) })));
  return (
    <div className="focus-controls" role="group" aria-label={t('sessions.focus.group')}>
      <span className="small muted">{t('sessions.focus.show')}</span>
      <button type="button" className="button button-quiet" onClick={() => setFocus({ kind: 'item', itemId: item.id }, t('sessions.focus.shown', { title: item.title }))}>
        {t('sessions.focus.item')}
      </button>
      {linked.map(({ kind, id, title }) => (
        <button key={`${kind}:${id}`} type="button" className="button button-quiet" onClick={() => setFocus(focusOf(kind, id), t('sessions.focus.shown', { title }))}>
          {t(`sessions.linkKindOne.${kind}`)}: {title}
        </button>
      ))}
    </div>
  );
}
