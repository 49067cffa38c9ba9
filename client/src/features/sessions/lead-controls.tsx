import { useTranslation } from 'react-i18next';
import { sessionLeadOf } from '@verbund/shared/features/sessions/session-lead';
import { mayRunSession, type ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import type { Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { nameOf } from '../../lib/person-name';
import { usePresenceStore } from '../../lib/presence-store';
import { useCommand } from '../../lib/use-command';

export type LeadView = { leadId: string; leadOnline: boolean; mayTakeOver: boolean; mayHandBack: boolean };

/** M40–M43 as this person sees them: who leads, whether they are here, and which one action is theirs. */
export function leadView(state: Pick<WorkspaceState, 'sessionLeads'>, session: ModeratedSession, myPersonId: string, onlineIds: ReadonlySet<string>): LeadView {
  const leadId = sessionLeadOf(state.sessionLeads, session);
  const leadOnline = onlineIds.has(leadId);
  const running = session.state === 'running';
  return {
    leadId,
    leadOnline,
    mayTakeOver: running && leadId !== myPersonId && !leadOnline && mayRunSession(myPersonId, session),
    mayHandBack: running && leadId === myPersonId && leadId !== session.moderatorId,
  };
}

type Props = { state: WorkspaceState; session: ModeratedSession; people: Person[]; myPersonId: string };

/** Who leads the session, and for the runners the hand-over in one action (take over, hand back). */
export function LeadControls({ state, session, people, myPersonId }: Props) {
  const { t } = useTranslation();
  const command = useCommand();
  const entries = usePresenceStore((s) => s.entries);
  const view = leadView(state, session, myPersonId, new Set(entries.map((e) => e.personId)));
  const name = (personId: string) => nameOf(t, people, state.partners, personId);
  const moderator = name(session.moderatorId);
  // At most one action is a person's at a time: taking over or handing back.
  const action = view.mayTakeOver
    ? { type: 'session.take_over' as const, label: t('sessions.lead.takeOver'), done: t('sessions.lead.tookOver'), primary: true }
    : view.mayHandBack
      ? { type: 'session.hand_back' as const, label: t('sessions.lead.handBack', { name: moderator }), done: t('sessions.lead.handedBack', { name: moderator }), primary: false }
      : null;
  return (
    <section className="lead-controls" aria-labelledby={`lead-${session.id}`}>
      <h3 id={`lead-${session.id}`}>{t('sessions.lead.heading')}</h3>
      <p>
        {t('sessions.lead.leads', { name: name(view.leadId) })}
        {!view.leadOnline && <span className="muted"> ({t('sessions.lead.away')})</span>}
      </p>
      {action && (
        <button type="button" className={`button${action.primary ? ' button-primary' : ''}`} disabled={command.isPending} onClick={() => command.mutate({ type: action.type, payload: { sessionId: session.id }, done: action.done })}>
          {action.label}
        </button>
      )}
    </section>
  );
}
