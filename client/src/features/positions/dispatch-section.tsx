import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPATCH_CHANNELS, DISPATCH_LIMITS, pendingFollowUp } from '@verbund/shared/features/positions/dispatch';
import type { Position } from '@verbund/shared/features/positions/positions-feature';
import { officeDay, type Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { newId } from '../../lib/command-queue';
import { formatDate } from '../../lib/format';
import { useSession } from '../../lib/session-context';
import { useCommand } from '../../lib/use-command';
import { DispatchRecordItem } from './dispatch-record';

type Props = { position: Position; state: WorkspaceState; people: Person[] };

/** After sending (P30–P39): the dispatch records of an adopted position, kept by the lead partner and the moderators. */
export function DispatchSection({ position, state, people }: Props) {
  const { t, i18n } = useTranslation();
  const { membership } = useSession();
  const id = useId().replace(/:/g, '');
  const records = state.positionDispatches[position.id] ?? [];
  // P38, as the server decides it: the lead partner's members and the moderators keep the records.
  const keeper = membership.partnerId === position.leadPartnerId || membership.roles.includes('moderator');
  const sendable = position.status !== 'draft' && position.status !== 'in_review';
  const today = officeDay(new Date());
  // P33: those who keep the records are told which follow-ups are due today or overdue.
  const due = keeper
    ? records.flatMap((r) => {
        const day = pendingFollowUp(r);
        return day !== null && day <= today ? [{ recipient: r.recipient, day }] : [];
      })
    : [];

  return (
    <section className="panel dispatch-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('dispatch.heading')}</h3>
      {due.length > 0 && (
        <p className="notice dispatch-due">
          {t('dispatch.due', { list: due.map((r) => `${r.recipient} (${formatDate(r.day, i18n.language)})`).join(', ') })}
        </p>
      )}
      {!sendable && <p className="muted">{t('dispatch.notYet')}</p>}
      {sendable && records.length === 0 && <p className="muted">{t('dispatch.none')}</p>}
      {records.length > 0 && (
        <ul className="plain-list dispatch-records">
          {records.map((record) => (
            <DispatchRecordItem key={record.id} position={position} record={record} state={state} people={people} keeper={keeper} today={today} />
          ))}
        </ul>
      )}
      {sendable && keeper && records.length < DISPATCH_LIMITS.dispatches && <RecordDispatchForm position={position} today={today} formId={`${id}-new`} />}
    </section>
  );
}

function RecordDispatchForm({ position, today, formId }: { position: Position; today: string; formId: string }) {
  const { t } = useTranslation();
  const command = useCommand();
  const [recipient, setRecipient] = useState(position.addressee.name);
  const [channel, setChannel] = useState<(typeof DISPATCH_CHANNELS)[number]>('email');
  const [sentOn, setSentOn] = useState(today);
  const [fileReference, setFileReference] = useState('');
  const [followUpOn, setFollowUpOn] = useState('');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    command.mutate(
      {
        type: 'position.record_dispatch',
        payload: {
          positionId: position.id,
          dispatchId: newId(),
          recipient: recipient.trim(),
          channel,
          sentOn,
          fileReference: fileReference.trim() || null,
          followUpOn: followUpOn || null,
        },
        done: t('dispatch.recorded', { recipient: recipient.trim() }),
      },
      {
        onSuccess: () => {
          setFileReference('');
          setFollowUpOn('');
        },
      },
    );
  };

  return (
    <form className="dispatch-form" onSubmit={submit} aria-labelledby={`${formId}-legend`}>
      <h4 id={`${formId}-legend`}>{t('dispatch.new')}</h4>
      <TextField id={`${formId}-recipient`} label={t('dispatch.recipient')} value={recipient} onChange={(e) => setRecipient(e.target.value)} maxLength={DISPATCH_LIMITS.recipient} required />
      <SelectField
        id={`${formId}-channel`}
        label={t('dispatch.channel')}
        value={channel}
        onChange={(value) => setChannel(DISPATCH_CHANNELS.find((c) => c === value) ?? 'email')}
        options={DISPATCH_CHANNELS.map((c) => ({ value: c, label: t(`dispatch.channels.${c}`) }))}
      />
      <TextField id={`${formId}-sent`} type="date" label={t('dispatch.sentOn')} value={sentOn} onChange={(e) => setSentOn(e.target.value)} required />
      <TextField id={`${formId}-ref`} label={t('dispatch.fileReference')} value={fileReference} onChange={(e) => setFileReference(e.target.value)} maxLength={DISPATCH_LIMITS.fileReference} />
      <TextField id={`${formId}-follow`} type="date" label={t('dispatch.followUpOn')} value={followUpOn} min={sentOn} onChange={(e) => setFollowUpOn(e.target.value)} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={command.isPending || !recipient.trim() || !sentOn}>
          {t('dispatch.record')}
        </button>
      </div>
    </form>
  );
}
