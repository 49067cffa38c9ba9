import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionLeadOf } from '@verbund/shared/features/sessions/session-lead';
import { mayRunSession, type ModeratedSession, type SessionFields } from '@verbund/shared/features/sessions/sessions-feature';
import type { Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { formatOfficeDateTime } from '@verbund/shared/office-time';
import { nameOf } from '../../lib/person-name';
import { onLinkClick, routePath } from '../../lib/router';
import { useSession } from '../../lib/session-context';
import { useCommand } from '../../lib/use-command';
import { Agenda } from './agenda';
import { AttendancePanel } from './attendance-panel';
import { LeadControls } from './lead-controls';
import { MinutesSection } from './minutes-section';
import { SessionTimer } from './session-timer';
import { SpeakerQueue } from './speaker-queue';
import { CurrentItemClock } from './current-item-clock';
import { CurrentItemVotes } from './item-vote-controls';
import { FocusControls } from './focus-controls';
import { ActionItems } from './action-items';
import type { VoteSlots } from './vote-slots';
import { RunControls } from './run-controls';
import { SessionForm } from './session-form';
import { SessionWhere } from './session-where';

type Props = { sessionId: string; state: WorkspaceState; people: Person[]; slots: VoteSlots };

/** Only the fields that differ: each is its own register (M3), so an unchanged one is not sent over someone else's change. */
function changedFields(session: ModeratedSession, fields: SessionFields): Partial<SessionFields> {
  const changes: Partial<SessionFields> = {};
  if (fields.title !== session.title) changes.title = fields.title;
  if (Date.parse(fields.startsAt) !== Date.parse(session.startsAt)) changes.startsAt = fields.startsAt;
  if (fields.place !== session.place) changes.place = fields.place;
  if (fields.link !== session.link) changes.link = fields.link;
  if (fields.coModeratorIds.join() !== session.coModeratorIds.join()) changes.coModeratorIds = fields.coModeratorIds;
  return changes;
}

/** One session: planned, its fields and agenda are edited by who runs it (M1, M3, M4); running, everyone follows the current item (M5); ended, a record (M2). */
export function SessionPage({ sessionId, state, people, slots }: Props) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const command = useCommand();
  const id = useId().replace(/:/g, '');
  const [editing, setEditing] = useState(false);
  const session = state.sessions[sessionId];

  if (!session) {
    return (
      <div className="page">
        <h2 id="page-heading" tabIndex={-1}>
          {t('sessions.heading')}
        </h2>
        <p className="notice">{t('sessions.notFound')}</p>
        <a href={routePath({ name: 'sessions' })} onClick={onLinkClick}>
          {t('sessions.back')}
        </a>
      </div>
    );
  }

  const runner = mayRunSession(me.id, session);
  const name = (personId: string) => nameOf(t, people, state.partners, personId);
  const current = session.state === 'running' ? session.items.find((i) => i.id === session.currentItemId) : undefined;
  const save = (fields: SessionFields) => {
    const changes = changedFields(session, fields);
    if (Object.keys(changes).length === 0) {
      setEditing(false);
      return;
    }
    command.mutate({ type: 'session.update', payload: { sessionId, changes }, done: t('sessions.saved') }, { onSuccess: () => setEditing(false) });
  };

  return (
    <div className={`page session-page session-${session.state}`}>
      <p>
        <a href={routePath({ name: 'sessions' })} onClick={onLinkClick}>
          {t('sessions.back')}
        </a>
      </p>
      <h2 id="page-heading" tabIndex={-1}>
        {session.title}
      </h2>
      <p className="muted">
        <span className={`badge session-state-${session.state}`}>{t(`sessions.state.${session.state}`)}</span> {formatOfficeDateTime(session.startsAt, i18n.language)} ·{' '}
        <SessionWhere session={session} />
      </p>
      {!runner && <p className="notice">{t(session.state === 'ended' ? 'sessions.recordNotice' : 'sessions.followNotice', { name: name(session.moderatorId) })}</p>}
      {runner && session.state === 'ended' && <p className="notice">{t('sessions.recordNotice', { name: name(session.moderatorId) })}</p>}

      {session.state === 'running' && (
        <section className="panel current-item" aria-labelledby={`${id}-current`}>
          <h3 id={`${id}-current`}>{t('sessions.run.currentHeading')}</h3>
          {/* The item's title is announced when it changes; the ticking clock beside it is not. */}
          <p role="status" className="current-item-title">
            {current ? current.title : t('sessions.run.noneYet')}
          </p>
          {current && (
            <p className="current-item-time">
              <CurrentItemClock item={current} />
            </p>
          )}
          {current && sessionLeadOf(state.sessionLeads, session) === me.id && <FocusControls session={session} item={current} state={state} />}
          {current && <CurrentItemVotes session={session} item={current} slots={slots} runner={runner} />}
        </section>
      )}

      {runner && session.state !== 'ended' && <RunControls session={session} />}
      {session.state === 'running' && <LeadControls state={state} session={session} people={people} myPersonId={me.id} />}
      {session.state === 'running' && (
        <div className="session-live">
          <SpeakerQueue state={state} session={session} people={people} meId={me.id} />
          <SessionTimer state={state} session={session} people={people} meId={me.id} />
        </div>
      )}
      <ActionItems session={session} item={current} state={state} people={people} runner={runner} />
      {session.state !== 'ended' && <AttendancePanel state={state} session={session} people={people} personId={me.id} />}

      <section className="panel" aria-labelledby={`${id}-details`}>
        <h3 id={`${id}-details`}>{t('sessions.details')}</h3>
        {editing ? (
          <SessionForm
            initial={session}
            moderatorId={session.moderatorId}
            state={state}
            people={people}
            submitLabel={t('sessions.save')}
            pending={command.isPending}
            onSubmit={save}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <>
            <dl className="facts">
              <dt>{t('sessions.field.startsAt')}</dt>
              <dd>{formatOfficeDateTime(session.startsAt, i18n.language)}</dd>
              <dt>{t('sessions.field.where')}</dt>
              <dd>
                <SessionWhere session={session} />
              </dd>
              <dt>{t('sessions.field.moderator')}</dt>
              <dd>{name(session.moderatorId)}</dd>
              <dt>{t('sessions.field.coModeratorIds')}</dt>
              <dd>{session.coModeratorIds.length > 0 ? session.coModeratorIds.map(name).join(', ') : t('sessions.none')}</dd>
              {session.startedAt && (
                <>
                  <dt>{t('sessions.field.startedAt')}</dt>
                  <dd>{formatOfficeDateTime(session.startedAt, i18n.language)}</dd>
                </>
              )}
              {session.endedAt && (
                <>
                  <dt>{t('sessions.field.endedAt')}</dt>
                  <dd>{formatOfficeDateTime(session.endedAt, i18n.language)}</dd>
                </>
              )}
            </dl>
            {runner && session.state !== 'ended' && (
              <div className="form-actions">
                <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
                  {t('sessions.edit')}
                </button>
              </div>
            )}
          </>
        )}
      </section>

      <Agenda session={session} state={state} runner={runner} slots={slots} />
      <MinutesSection session={session} partners={state.partners} />
    </div>
  );
}
