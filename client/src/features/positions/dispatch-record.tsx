import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPATCH_LIMITS, DISPATCH_OUTCOMES, isOverdue, pendingFollowUp, type DispatchOutcome, type DispatchRecord } from '@verbund/shared/features/positions/dispatch';
import type { Position } from '@verbund/shared/features/positions/positions-feature';
import { AREAS, LIMITS, type Area, type Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { positionAtEnd } from '../../lib/card-moves';
import { newId } from '../../lib/command-queue';
import { formatDate } from '../../lib/format';
import { nameOf } from '../../lib/person-name';
import { areaOptions } from '../../lib/select-options';
import { useCommand } from '../../lib/use-command';

type Props = { position: Position; record: DispatchRecord; state: WorkspaceState; people: Person[]; keeper: boolean; today: string };

/** The title a follow-up initiative starts with: the answer's first line, cut to a card title. */
const titleFrom = (answer: string) => (answer.split('\n')[0] ?? '').trim().slice(0, LIMITS.title);

/** One dispatch record (P31–P36): what was sent, the acknowledgement, the follow-up date, the answer and its outcome. */
export function DispatchRecordItem({ position, record, state, people, keeper, today }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId().replace(/:/g, '');
  const day = (d: string | null) => (d ? formatDate(d, i18n.language) : t('dispatch.noDate'));
  const followUp = pendingFollowUp(record);
  const ref = { positionId: position.id, dispatchId: record.id };

  return (
    <li className="dispatch-record">
      <h4>{t('dispatch.title', { recipient: record.recipient, channel: t(`dispatch.channels.${record.channel}`), date: day(record.sentOn) })}</h4>
      <dl className="facts">
        <dt>{t('dispatch.fileReference')}</dt>
        <dd>{record.fileReference ?? t('dispatch.noReference')}</dd>
        <dt>{t('dispatch.recordedBy')}</dt>
        <dd>{nameOf(t, people, state.partners, record.recordedBy)}</dd>
        <dt>{t('dispatch.acknowledgedOn')}</dt>
        <dd>{day(record.acknowledgedOn)}</dd>
        <dt>{t('dispatch.followUpOn')}</dt>
        <dd>
          {day(record.followUpOn)}
          {followUp && isOverdue(followUp, today) && <span className="badge badge-overdue"> {t('dispatch.overdue')}</span>}
        </dd>
        <dt>{t('dispatch.outcome')}</dt>
        <dd>{record.outcome ? t(`dispatch.outcomes.${record.outcome}`) : t('dispatch.noOutcome')}</dd>
      </dl>
      {record.answer && (
        <div className="dispatch-answer">
          <p className="muted">{t('dispatch.answerOf', { date: day(record.answer.receivedOn), name: nameOf(t, people, state.partners, record.answer.recordedBy) })}</p>
          <blockquote>{record.answer.text}</blockquote>
        </div>
      )}
      {keeper && (
        <div className="dispatch-actions">
          {!record.acknowledgedOn && (
            <DayForm formId={`${id}-ack`} label={t('dispatch.acknowledgedOn')} submit={t('dispatch.acknowledge')} initial={today} min={record.sentOn} recipient={record.recipient}
              command={(acknowledgedOn) => ({ type: 'position.acknowledge_dispatch', payload: { ...ref, acknowledgedOn }, done: t('dispatch.acknowledged') })} />
          )}
          <DayForm formId={`${id}-follow`} label={t('dispatch.followUpOn')} submit={t('dispatch.setFollowUp')} initial={record.followUpOn ?? ''} min={record.sentOn} recipient={record.recipient} optional
            command={(followUpOn) => ({ type: 'position.set_follow_up', payload: { ...ref, followUpOn: followUpOn || null }, done: t('dispatch.followUpSet') })} />
          {record.answer ? <AfterAnswer record={record} position={position} state={state} formId={id} /> : <AnswerForm record={record} positionId={position.id} today={today} formId={`${id}-answer`} />}
        </div>
      )}
    </li>
  );
}

type Run = ReturnType<typeof useCommand>['mutate'];
type Variables = Parameters<Run>[0];

function Form({ formId, legend, children }: { formId: string; legend: string; children: (run: Run, pending: boolean) => ReactNode }) {
  const command = useCommand();
  return (
    <fieldset className="dispatch-step" id={formId}>
      <legend>{legend}</legend>
      {children(command.mutate, command.isPending)}
    </fieldset>
  );
}

type DayFormProps = { formId: string; label: string; submit: string; initial: string; min: string; recipient: string; optional?: boolean; command: (day: string) => Variables };

function DayForm({ formId, label, submit, initial, min, recipient, optional = false, command }: DayFormProps) {
  const [value, setValue] = useState(initial);
  return (
    <Form formId={formId} legend={`${submit}: ${recipient}`}>
      {(run, pending) => (
        <form className="inline-form" onSubmit={(e: FormEvent) => {
            e.preventDefault();
            run(command(value));
          }}>
          <TextField id={`${formId}-day`} type="date" label={label} value={value} min={min} required={!optional} onChange={(e) => setValue(e.target.value)} />
          <button type="submit" className="button button-secondary" disabled={pending || (!optional && !value)}>
            {submit}
          </button>
        </form>
      )}
    </Form>
  );
}

function AnswerForm({ record, positionId, today, formId }: { record: DispatchRecord; positionId: string; today: string; formId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [receivedOn, setReceivedOn] = useState(today);
  return (
    <Form formId={formId} legend={t('dispatch.answerLegend', { recipient: record.recipient })}>
      {(run, pending) => (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            run({ type: 'position.record_answer', payload: { positionId, dispatchId: record.id, text: text.trim(), receivedOn }, done: t('dispatch.answerRecorded') });
          }}
        >
          <div className="field">
            <label htmlFor={`${formId}-text`}>{t('dispatch.answer')}</label>
            <textarea id={`${formId}-text`} value={text} maxLength={DISPATCH_LIMITS.answer} rows={4} onChange={(e) => setText(e.target.value)} required />
          </div>
          <TextField id={`${formId}-day`} type="date" label={t('dispatch.receivedOn')} value={receivedOn} min={record.sentOn} onChange={(e) => setReceivedOn(e.target.value)} required />
          <button type="submit" className="button button-secondary" disabled={pending || !text.trim() || !receivedOn}>
            {t('dispatch.recordAnswer')}
          </button>
        </form>
      )}
    </Form>
  );
}

/** The outcome of an answer, and the follow-up initiative made from it in one step (P35, P36). */
function AfterAnswer({ record, position, state, formId }: { record: DispatchRecord; position: Position; state: WorkspaceState; formId: string }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<DispatchOutcome>(record.outcome ?? 'accepted');
  const [title, setTitle] = useState(titleFrom(record.answer?.text ?? ''));
  const [area, setArea] = useState<Area>('basisdienste');
  const ref = { positionId: position.id, dispatchId: record.id };
  const boardId = Object.keys(state.boards)[0];
  const lastOfArea = Object.values(state.cards)
    .filter((c) => !c.archived && c.area === area)
    .sort((a, b) => (a.position < b.position ? -1 : 1));
  return (
    <>
      <Form formId={`${formId}-outcome`} legend={t('dispatch.outcomeLegend', { recipient: record.recipient })}>
        {(run, pending) => (
          <form className="inline-form" onSubmit={(e: FormEvent) => {
              e.preventDefault();
              run({ type: 'position.set_outcome', payload: { ...ref, outcome }, done: t('dispatch.outcomeSet') });
            }}>
            <SelectField
              id={`${formId}-outcome-value`}
              label={t('dispatch.outcome')}
              value={outcome}
              onChange={(value) => setOutcome(DISPATCH_OUTCOMES.find((o) => o === value) ?? 'open')}
              options={DISPATCH_OUTCOMES.map((o) => ({ value: o, label: t(`dispatch.outcomes.${o}`) }))}
              inline
            />
            <button type="submit" className="button button-secondary" disabled={pending}>
              {t('dispatch.setOutcome')}
            </button>
          </form>
        )}
      </Form>
      {boardId && (
        <Form formId={`${formId}-initiative`} legend={t('dispatch.initiativeLegend', { recipient: record.recipient })}>
          {(run, pending) => (
            <form
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                const cardId = newId();
                run({
                  type: 'position.create_follow_up',
                  payload: { ...ref, cardId, boardId, position: positionAtEnd(lastOfArea), title: title.trim(), area },
                  done: t('dispatch.initiativeCreated', { title: title.trim() }),
                });
              }}
            >
              <TextField id={`${formId}-initiative-title`} label={t('dispatch.initiativeTitle')} value={title} maxLength={LIMITS.title} onChange={(e) => setTitle(e.target.value)} required />
              <SelectField id={`${formId}-initiative-area`} label={t('dispatch.initiativeArea')} value={area} onChange={(value) => setArea(AREAS.find((a) => a === value) ?? 'basisdienste')} options={areaOptions(t)} />
              <p className="muted">{t('dispatch.initiativeHint')}</p>
              <button type="submit" className="button button-secondary" disabled={pending || !title.trim()}>
                {t('dispatch.createInitiative')}
              </button>
            </form>
          )}
        </Form>
      )}
    </>
  );
}
