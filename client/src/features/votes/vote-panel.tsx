import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { asSingleLine, type Partner, type Person } from '@verbund/shared/model';
import type { ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import type { VoteView } from '@verbund/shared/votes';
import { SubmitActions } from '../../components/form-parts';
import { TreatedInSessions } from '../../components/treated-in-sessions';
import { newId } from '../../lib/command-queue';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session-context';
import { useCommand } from '../../lib/use-command';
import { useVoter } from './use-voter';
import { BallotForm } from './ballot-form';
import { ballotAuthor, describeChoice, mayTakePart, optionLabel, settingsSummary } from './vote-text';

type Props = {
  view: VoteView;
  partners: Record<string, Partner>;
  people: readonly Person[];
  cardTitle: (id: string) => string;
  headingLevel?: 3 | 4;
  /** The workspace's sessions, for the line that names those treating this vote. */
  sessions?: Readonly<Record<string, ModeratedSession>>;
};

/** One vote: what it is about, live counts as far as visible (D29–D31), ballot, close and outcome. */
export function VotePanel({ view, partners, people, cardTitle, headingLevel = 4, sessions }: Props) {
  const { t, i18n } = useTranslation();
  const { me, membership } = useSession();
  const voter = useVoter();
  const id = useId().replace(/:/g, '');
  const command = useCommand();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const manages = view.openedBy === me.id || membership.roles.includes('moderator');
  const short = (partnerId: string) => partners[partnerId]?.shortName ?? '?';
  const nameOf = (personId: string) => people.find((p) => p.id === personId)?.name || t('votes.someone');
  const { participation, turnout } = view;
  const perPartner = view.settings.counting === 'partner';
  // An anonymous vote tells how many have voted, never who (D38): there is no list to show.
  const notYetOf = participation ? (perPartner ? participation.partners.notYet.map(short) : participation.people.notYet.map(nameOf)) : [];
  const notYet = notYetOf.sort((a, b) => a.localeCompare(b, 'de'));
  const votedCount = perPartner ? turnout.partners : turnout.people;
  const total = perPartner ? view.eligible.partnerIds.length : view.eligible.personIds.length;
  const tally = view.tally;

  return (
    <article className={`vote vote-${view.status}`} aria-labelledby={`${id}-title`} data-vote-id={view.id}>
      <div className="vote-head">
        <Heading id={`${id}-title`}>{view.settings.title}</Heading>
        <span className={`badge vote-status-${view.status}`}>{t(`votes.status.${view.status}`)}</span>
      </div>
      <p className="muted small">{settingsSummary(t, view.settings)}</p>
      <p className="muted small">
        {t('votes.openedBy', { name: nameOf(view.openedBy), date: formatDateTime(view.openedAt, i18n.language) })}
        {view.settings.closesAt && view.status === 'open' ? ` · ${t('votes.closesAt', { date: formatDateTime(view.settings.closesAt, i18n.language) })}` : ''}
        {view.closedAt ? ` · ${t(view.closedBy ? 'votes.closedBy' : 'votes.closedOnTime', { name: view.closedBy ? nameOf(view.closedBy) : '', date: formatDateTime(view.closedAt, i18n.language) })}` : ''}
      </p>
      {view.settings.description && <p className="vote-description">{view.settings.description}</p>}
      {sessions && <TreatedInSessions sessions={sessions} kind="voteIds" id={view.id} />}

      <div className="vote-live" aria-live="polite">
        <p className="vote-participation">
          <strong>{t(perPartner ? 'votes.votedPartners' : 'votes.votedPeople', { voted: votedCount, total })}</strong>
          {view.status === 'open' && notYet.length > 0 && <span> · {t('votes.notYet', { list: notYet.join(', ') })}</span>}
        </p>
        {tally ? (
          <ul className="vote-tally" aria-label={t('votes.tally')}>
            {Object.entries(tally.options).map(([key, count]) => (
              <li key={key} data-option={key}>
                <span>{optionLabel(t, view.settings, key, cardTitle)}</span> <strong>{count}</strong>
              </li>
            ))}
          </ul>
        ) : (
          <p className="notice small">{t(hiddenNotice(view))}</p>
        )}
      </div>

      {view.result && (
        <p className={`vote-result verdict-${view.result.verdict}`}>
          <strong>{t(`votes.verdict.${view.result.verdict}`)}</strong> – {t(`votes.reason.${view.result.reason}`)}
          {view.result.kind !== 'proposal' && view.result.ranking.length > 0 && (
            <span>
              {' '}
              ({view.result.ranking.map((r) => `${r.rank}. ${optionLabel(t, view.settings, r.id, cardTitle)}`).join(', ')})
            </span>
          )}
        </p>
      )}

      {view.ownBallot && (
        <p className="vote-own">
          {t(perPartner ? 'votes.ownPartnerBallot' : 'votes.ownBallot', {
            choice: describeChoice(t, view.settings, view.ownBallot.choice, cardTitle),
            name: nameOf(view.ownBallot.personId),
          })}
        </p>
      )}

      {mayTakePart(view, voter) && (
        // Re-initialised when the ballot that counts for us changes (also when a colleague cast it).
        <BallotForm key={view.ownBallot?.castAt ?? 'none'} view={view} cardTitle={cardTitle} />
      )}

      {view.status === 'open' && manages && (
        <div className="form-actions">
          <button
            type="button"
            className="button button-secondary"
            disabled={command.isPending}
            onClick={() => command.mutate({ type: 'vote.close', payload: { voteId: view.id }, done: t('votes.closed') })}
          >
            {t('votes.close')}
          </button>
        </div>
      )}

      {view.outcome ? (
        <div className="vote-outcome">
          <p className="small muted">{t('votes.decision', { name: nameOf(view.outcome.by), date: formatDateTime(view.outcome.at, i18n.language) })}</p>
          <blockquote>{view.outcome.text}</blockquote>
        </div>
      ) : (
        view.status === 'closed' && manages && <OutcomeForm voteId={view.id} />
      )}

      {view.ballots && view.ballots.length > 0 && (
        <details className="vote-history">
          <summary>{t('votes.history', { count: view.ballots.length })}</summary>
          <ol>
            {view.ballots.map((b, index) => (
              <li key={index}>
                {formatDateTime(b.castAt, i18n.language)} · {ballotAuthor(t, b, people, partners)}: {describeChoice(t, view.settings, b.choice, cardTitle)}
              </li>
            ))}
          </ol>
        </details>
      )}
    </article>
  );
}

/** Why the counts are not shown: an anonymous vote shows them after close only, whatever it says (D37). */
function hiddenNotice(view: VoteView): string {
  if (view.settings.anonymous) return 'votes.anonymousUntilClose';
  return view.settings.visibility === 'after_close' ? 'votes.hiddenUntilClose' : 'votes.hiddenUntilOwn';
}

function OutcomeForm({ voteId }: { voteId: string }) {
  const { t } = useTranslation();
  const id = useId().replace(/:/g, '');
  const command = useCommand();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = text.trim();
    setMissing(!trimmed);
    if (!trimmed) return;
    command.mutate({ type: 'vote.record_outcome', payload: { voteId, decisionId: newId(), text: trimmed }, done: t('votes.outcome.recorded') });
  };
  return (
    <form className="stack-form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-outcome`}>{t('votes.outcome.label')}</label>
        <textarea
          id={`${id}-outcome`}
          rows={3}
          maxLength={5000}
          value={text}
          // The statement is one line (rule S19): Enter and pasted breaks become spaces, the field still wraps.
          onChange={(e) => setText(asSingleLine(e.target.value))}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${id}-missing` : undefined}
        />
        {missing && (
          <p id={`${id}-missing`} className="form-error">
            {t('votes.outcome.missing')}
          </p>
        )}
      </div>
      <SubmitActions label={t('votes.outcome.submit')} pending={command.isPending} />
    </form>
  );
}
