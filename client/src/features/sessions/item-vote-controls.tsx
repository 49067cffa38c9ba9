import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import { newId } from '../../lib/command-queue';
import { useCommand } from '../../lib/use-command';
import type { VoteSlots } from './vote-slots';

type Props = { session: ModeratedSession; item: AgendaItem; slots: VoteSlots };

/** M60: while planning, a runner prepares the item's vote (or takes it off again); the row says which one is prepared. */
export function PreparedVoteControl({ session, item, slots }: Props) {
  const { t } = useTranslation();
  const command = useCommand();
  const [preparing, setPreparing] = useState(false);
  const ref = { sessionId: session.id, itemId: item.id };
  const prepared = item.preparedVote;
  if (preparing) {
    return slots.voteForm(
      {
        cardIds: item.links.cardIds,
        title: prepared?.title ?? item.title,
        heading: t('sessions.votes.prepareHeading', { title: item.title }),
        submit: t('sessions.votes.prepareSubmit'),
        send: (_voteId, settings) => ({ type: 'session.update_item', payload: { ...ref, changes: { preparedVote: settings } }, done: t('sessions.votes.prepared', { title: settings.title }) }),
      },
      () => setPreparing(false),
    );
  }
  return (
    <>
      {prepared && (
        <p className="small prepared-vote">
          {t('sessions.votes.preparedLine', { title: prepared.title })}{' '}
          <button
            type="button"
            className="button button-quiet"
            disabled={command.isPending}
            aria-label={t('sessions.votes.unprepareLabel', { title: prepared.title })}
            onClick={() => command.mutate({ type: 'session.update_item', payload: { ...ref, changes: { preparedVote: null } }, done: t('sessions.votes.unprepared', { title: prepared.title }) })}
          >
            {t('sessions.votes.unprepare')}
          </button>
        </p>
      )}
      <button type="button" className="button button-secondary" onClick={() => setPreparing(true)} aria-label={t('sessions.votes.prepareLabel', { title: item.title })}>
        {t(prepared ? 'sessions.votes.changePrepared' : 'sessions.votes.prepare')}
      </button>
    </>
  );
}

/**
 * M61, M62: on the current item, who runs the session opens the prepared vote with one action or a
 * quick one; everyone sees the item's votes in full, to cast their ballot and, for the opener or a
 * moderator, to close it live.
 */
export function CurrentItemVotes({ session, item, slots, runner }: Props & { runner: boolean }) {
  const { t } = useTranslation();
  const command = useCommand();
  const [quick, setQuick] = useState(false);
  const ref = { sessionId: session.id, itemId: item.id };
  const prepared = item.preparedVote;
  return (
    <div className="current-item-votes">
      {runner && !quick && (
        <div className="form-actions">
          {prepared && (
            <button
              type="button"
              className="button button-primary"
              disabled={command.isPending}
              onClick={() => command.mutate({ type: 'session.open_vote', payload: { ...ref, voteId: newId() }, done: t('sessions.votes.opened', { title: prepared.title }) })}
            >
              {t('sessions.votes.openPrepared', { title: prepared.title })}
            </button>
          )}
          <button type="button" className="button button-secondary" onClick={() => setQuick(true)}>
            {t('sessions.votes.quick')}
          </button>
        </div>
      )}
      {runner &&
        quick &&
        slots.voteForm(
          {
            cardIds: item.links.cardIds,
            title: item.title,
            heading: t('sessions.votes.quickHeading', { title: item.title }),
            submit: t('sessions.votes.quickSubmit'),
            send: (voteId, settings) => ({ type: 'session.open_vote', payload: { ...ref, voteId, settings }, done: t('sessions.votes.opened', { title: settings.title }) }),
          },
          () => setQuick(false),
        )}
      {slots.itemVotes(item.links.voteIds, 'full')}
    </div>
  );
}
