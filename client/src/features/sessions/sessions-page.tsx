import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModeratedSession, SessionFields } from '@verbund/shared/features/sessions/sessions-feature';
import { officeDay, type Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { DataTable } from '../../components/data-table';
import { newId } from '../../lib/command-queue';
import { formatOfficeDateTime, officeInstant } from '@verbund/shared/office-time';
import { nameOf } from '../../lib/person-name';
import { navigate, onLinkClick, routePath } from '../../lib/router';
import { useSession } from '../../lib/session-context';
import { useCommand } from '../../lib/use-command';
import { SessionForm } from './session-form';
import { SessionWhere } from './session-where';

type Props = { state: WorkspaceState; people: Person[] };

const DAY = 86_400_000;

/** A new session starts as tomorrow at ten on the office's clock; the moderator changes it. */
function blankFields(now: number): SessionFields {
  return { title: '', startsAt: officeInstant(officeDay(new Date(now + DAY)), '10:00') ?? new Date(now + DAY).toISOString(), place: null, link: null, coModeratorIds: [] };
}

const soonestFirst = (a: ModeratedSession, b: ModeratedSession) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id);

/** Every session of the workspace (M1: every member sees every session): the coming ones, then the past ones; moderators plan new ones. */
export function SessionsPage({ state, people }: Props) {
  const { t } = useTranslation();
  const { me, membership } = useSession();
  const command = useCommand();
  const [planning, setPlanning] = useState<SessionFields | null>(null);
  const moderator = membership.roles.includes('moderator');
  const all = Object.values(state.sessions);
  // A running session is the most current of all; then what is planned, soonest first.
  const coming = all.filter((s) => s.state !== 'ended').sort((a, b) => Number(b.state === 'running') - Number(a.state === 'running') || soonestFirst(a, b));
  const past = all.filter((s) => s.state === 'ended').sort((a, b) => soonestFirst(b, a));

  const plan = (fields: SessionFields) => {
    const sessionId = newId();
    command.mutate(
      { type: 'session.create', payload: { sessionId, fields }, done: t('sessions.planned', { title: fields.title }) },
      { onSuccess: () => navigate(routePath({ name: 'session', sessionId })) },
    );
  };

  return (
    <div className="page sessions-page">
      <h2 id="page-heading" tabIndex={-1}>
        {t('sessions.heading')}
      </h2>
      <p className="muted">{t('sessions.intro')}</p>
      {!moderator && <p className="notice">{t('sessions.onlyModerators')}</p>}
      {moderator && planning && (
        <section className="panel" aria-labelledby="plan-session-heading">
          <h3 id="plan-session-heading">{t('sessions.plan')}</h3>
          <SessionForm
            initial={planning}
            moderatorId={me.id}
            state={state}
            people={people}
            submitLabel={t('sessions.planSubmit')}
            pending={command.isPending}
            onSubmit={plan}
            onCancel={() => setPlanning(null)}
          />
        </section>
      )}
      {moderator && !planning && (
        <div className="form-actions">
          <button type="button" className="button button-primary" onClick={() => setPlanning(blankFields(Date.now()))}>
            {t('sessions.plan')}
          </button>
        </div>
      )}
      <SessionTable caption={t('sessions.coming')} sessions={coming} empty={t('sessions.noneComing')} state={state} people={people} />
      <SessionTable caption={t('sessions.past')} sessions={past} empty={t('sessions.nonePast')} state={state} people={people} />
    </div>
  );
}

type TableProps = { caption: string; sessions: ModeratedSession[]; empty: string; state: WorkspaceState; people: Person[] };

function SessionTable({ caption, sessions, empty, state, people }: TableProps) {
  const { t, i18n } = useTranslation();
  return (
    <DataTable
      caption={caption}
      columns={[t('sessions.field.title'), t('sessions.field.startsAt'), t('sessions.field.where'), t('sessions.field.moderator'), t('sessions.field.state'), t('sessions.field.items')]}
      empty={sessions.length === 0 ? empty : null}
    >
      {sessions.map((s) => (
        <tr key={s.id} data-session-id={s.id}>
          <td>
            <a href={routePath({ name: 'session', sessionId: s.id })} onClick={onLinkClick}>
              {s.title}
            </a>
          </td>
          <td>{formatOfficeDateTime(s.startsAt, i18n.language)}</td>
          <td>
            <SessionWhere session={s} />
          </td>
          <td>{nameOf(t, people, state.partners, s.moderatorId)}</td>
          <td>
            <span className={`badge session-state-${s.state}`}>{t(`sessions.state.${s.state}`)}</span>
          </td>
          <td>{s.items.length}</td>
        </tr>
      ))}
    </DataTable>
  );
}
