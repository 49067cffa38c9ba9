import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceMode, Present } from '@verbund/shared/features/sessions/attendance';
import type { ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import { officeDay, type Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { newId } from '../../lib/command-queue';
import { formatDateTime } from '../../lib/format';
import { nameOf } from '../../lib/person-name';
import { useCommand } from '../../lib/use-command';
import { attendanceView, deputyFor } from './attendance-view';

type Props = {
  state: WorkspaceState;
  session: ModeratedSession;
  people: Person[];
  /** The person viewing. */
  personId: string;
  /** The server-corrected clock, for when check-in opens (M11); the device's clock by default. */
  now?: string;
};

/** Attendance by partner (M10–M16): who is there for which partner, the quorum, checking in and out. */
export function AttendancePanel({ state, session, people, personId, now = new Date().toISOString() }: Props) {
  const { t, i18n } = useTranslation();
  const command = useCommand();
  const day = officeDay(new Date());
  const view = attendanceView(state, session, personId, now, day);
  const name = (id: string) => nameOf(t, people, state.partners, id);
  const partnerName = (id: string) => state.partners[id]?.name ?? t('people.unknownPartner');
  const headingId = useId();
  const myDeputyships = deputyFor(state, personId, day);
  const [asDeputyFor, setAsDeputyFor] = useState('');

  const checkIn = (who: string, mode: AttendanceMode, onBehalfOf: string | null) =>
    command.mutate({
      type: 'session.check_in',
      payload: { sessionId: session.id, personId: who, mode, onBehalfOf },
      done: t('sessions.attendance.checkedIn', { name: name(who), mode: t(`sessions.attendance.mode.${mode}`) }),
    });
  const checkOut = (attendeeId: string, label: string) =>
    command.mutate({ type: 'session.check_out', payload: { sessionId: session.id, attendeeId }, done: t('sessions.attendance.checkedOut', { name: label }) });

  const describe = (p: Present) =>
    [
      t(`sessions.attendance.mode.${p.mode}`),
      t('sessions.attendance.since', { time: formatDateTime(p.since, i18n.language) }),
      ...(p.attendee.kind === 'member' && p.attendee.onBehalfOf ? [t('sessions.attendance.deputyFor', { name: name(p.attendee.onBehalfOf) })] : []),
    ].join(' · ');
  const { quorum } = view;

  return (
    <section className="attendance-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('sessions.attendance.heading')}</h3>
      <p role="status" className={quorum.met ? 'quorum quorum-met' : 'quorum quorum-missing'}>
        {t(quorum.met ? 'sessions.attendance.quorumMet' : 'sessions.attendance.quorumMissing', {
          represented: quorum.represented,
          active: quorum.active,
          needed: quorum.needed,
        })}{' '}
        {t(`sessions.attendance.rule.${quorum.rule}`)}
      </p>
      {view.phase !== 'open' && <p className="notice">{t(`sessions.attendance.phase.${view.phase}`)}</p>}

      <ul className="attendance-partners">
        {view.partners.map((partner) => (
          <li key={partner.partnerId}>
            <strong>{partnerName(partner.partnerId)}</strong>{' '}
            {partner.present.length === 0 ? (
              <span>{t('sessions.attendance.notRepresented')}</span>
            ) : (
              <ul>
                {partner.present.map((p) => (
                  <li key={p.attendee.id}>
                    {name(p.attendee.id)} ({describe(p)}){p.speaksFor && <> · {t('sessions.attendance.speaksFor')}</>}
                    {view.phase === 'open' && view.mayRun && p.attendee.id !== personId && (
                      <button type="button" className="link-button" onClick={() => checkOut(p.attendee.id, name(p.attendee.id))}>
                        {t('sessions.attendance.checkOutOther', { name: name(p.attendee.id) })}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {view.guests.length > 0 && (
        <>
          <h4>{t('sessions.attendance.guests')}</h4>
          <ul>
            {view.guests.map((p) => {
              const label = p.attendee.kind === 'guest' ? p.attendee.name : '';
              return (
                <li key={p.attendee.id}>
                  {label} ({describe(p)})
                  {view.phase === 'open' && view.mayRun && (
                    <button type="button" className="link-button" onClick={() => checkOut(p.attendee.id, label)}>
                      {t('sessions.attendance.checkOutOther', { name: label })}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}

      {view.phase === 'open' && (
        <div className="attendance-mine">
          <p>{view.mine ? t('sessions.attendance.youAre', { how: describe(view.mine) }) : t('sessions.attendance.youAreNot')}</p>
          <DeputySelect dezernentIds={myDeputyships} value={asDeputyFor} onChange={setAsDeputyFor} name={name} />
          <button type="button" className="button button-primary" onClick={() => checkIn(personId, 'room', asDeputyFor || null)}>
            {t('sessions.attendance.checkInRoom')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => checkIn(personId, 'online', asDeputyFor || null)}>
            {t('sessions.attendance.checkInOnline')}
          </button>
          {view.mine && (
            <button type="button" className="button button-secondary" onClick={() => checkOut(personId, name(personId))}>
              {t('sessions.attendance.checkOut')}
            </button>
          )}
        </div>
      )}
      {view.phase === 'open' && view.mayRun && <RunnerForms state={state} session={session} people={people} checkIn={checkIn} day={day} name={name} />}
    </section>
  );
}

type DeputySelectProps = { dezernentIds: string[]; value: string; onChange: (dezernentId: string) => void; name: (id: string) => string };

/** M12: "as myself" or as deputy for one of the dezernents of today's deputyships; nothing when there are none. */
function DeputySelect({ dezernentIds, value, onChange, name }: DeputySelectProps) {
  const { t } = useTranslation();
  if (dezernentIds.length === 0) return null;
  return (
    <label>
      {t('sessions.attendance.asDeputy')}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('sessions.attendance.asSelf')}</option>
        {dezernentIds.map((id) => (
          <option key={id} value={id}>
            {t('sessions.attendance.deputyFor', { name: name(id) })}
          </option>
        ))}
      </select>
    </label>
  );
}

type RunnerProps = Pick<Props, 'state' | 'session' | 'people'> & {
  checkIn: (who: string, mode: AttendanceMode, onBehalfOf: string | null) => void;
  day: string;
  name: (id: string) => string;
};

/** M10, M12, M13: those who run the session check in others, as deputies, and guests. */
function RunnerForms({ state, session, people, checkIn, day, name }: RunnerProps) {
  const { t } = useTranslation();
  const command = useCommand();
  const [who, setWho] = useState('');
  const [mode, setMode] = useState<AttendanceMode>('room');
  const [onBehalfOf, setOnBehalfOf] = useState('');
  const [guest, setGuest] = useState('');
  const [guestMode, setGuestMode] = useState<AttendanceMode>('room');
  const members = people.filter((p) => state.members[p.id]?.active).sort((a, b) => a.name.localeCompare(b.name, 'de'));
  const deputyOptions = who ? deputyFor(state, who, day) : [];
  const modes = (value: AttendanceMode, set: (m: AttendanceMode) => void) => (
    <label>
      {t('sessions.attendance.modeLabel')}{' '}
      <select value={value} onChange={(e) => set(e.target.value === 'online' ? 'online' : 'room')}>
        <option value="room">{t('sessions.attendance.mode.room')}</option>
        <option value="online">{t('sessions.attendance.mode.online')}</option>
      </select>
    </label>
  );
  const submitPerson = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (who) checkIn(who, mode, onBehalfOf || null);
  };
  const submitGuest = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = guest.trim();
    if (!trimmed) return;
    command.mutate(
      { type: 'session.check_in_guest', payload: { sessionId: session.id, guestId: newId(), name: trimmed, mode: guestMode }, done: t('sessions.attendance.guestCheckedIn', { name: trimmed }) },
      { onSuccess: () => setGuest('') },
    );
  };
  return (
    <div className="attendance-runner">
      <form onSubmit={submitPerson} aria-label={t('sessions.attendance.checkInOther')}>
        <label>
          {t('sessions.attendance.person')}{' '}
          <select
            value={who}
            onChange={(e) => {
              setWho(e.target.value);
              setOnBehalfOf('');
            }}
          >
            <option value="">{t('sessions.attendance.choosePerson')}</option>
            {members.map((p) => (
              <option key={p.id} value={p.id}>
                {name(p.id)}
              </option>
            ))}
          </select>
        </label>
        {modes(mode, setMode)}
        <DeputySelect dezernentIds={deputyOptions} value={onBehalfOf} onChange={setOnBehalfOf} name={name} />
        <button type="submit" className="button button-secondary">{t('sessions.attendance.checkInOther')}</button>
      </form>
      <form onSubmit={submitGuest} aria-label={t('sessions.attendance.checkInGuest')}>
        <label>
          {t('sessions.attendance.guestName')} <input value={guest} maxLength={200} onChange={(e) => setGuest(e.target.value)} />
        </label>
        {modes(guestMode, setGuestMode)}
        <button type="submit" className="button button-secondary">{t('sessions.attendance.checkInGuest')}</button>
      </form>
    </div>
  );
}
