import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { approvalsOf } from '@verbund/shared/features/positions/adoption';
import type { SignoffRound } from '@verbund/shared/features/positions/positions-feature';
import type { Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { DataTable } from '../../components/data-table';
import { formatDateTime } from '../../lib/format';
import { nameOf } from '../../lib/person-name';
import { approvedCount, declineOf, standingOf, standings } from './signoff-view';

/** A partner by its full name, as the table and the sentences name it. */
export const partnerName = (t: TFunction, state: WorkspaceState, partnerId: string): string => state.partners[partnerId]?.name ?? t('signoff.unknownPartner');

type RoundProps = { positionId: string; round: SignoffRound; state: WorkspaceState; people: Person[] };

/** The version a round signs: its name and short hash, the full hash on hover and for screen readers. */
export function RoundVersion({ positionId, round, state }: Omit<RoundProps, 'people'>) {
  const { t } = useTranslation();
  const name = state.positionVersions[positionId]?.find((v) => v.id === round.versionId)?.name ?? t('signoff.unknownVersion');
  return (
    <>
      {t('signoff.versionNamed', { name })}{' '}
      <code className="hash" title={t('signoff.hashTitle', { hash: round.hash })}>
        {round.hash.slice(0, 12)}
      </code>
    </>
  );
}

/** Which version, who started the round and when, and how many partners have signed (P11). */
export function RoundFacts({ positionId, round, state, people }: RoundProps) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="facts">
      <dt>{t('signoff.version')}</dt>
      <dd>
        <RoundVersion positionId={positionId} round={round} state={state} />
      </dd>
      <dt>{t('signoff.startedByLabel')}</dt>
      <dd>{t('signoff.startedBy', { name: nameOf(t, people, state.partners, round.startedBy), date: formatDateTime(round.startedAt, i18n.language) })}</dd>
      <dt>{t('signoff.progress')}</dt>
      <dd>{t('signoff.count', { count: approvedCount(round), total: round.entitled.length })}</dd>
    </dl>
  );
}

/** Every entitled partner and its answer, in words: offen, gezeichnet (by whom, for whom), abgelehnt (why), überholt. */
export function RoundTable({ round, state, people }: Omit<RoundProps, 'positionId'>) {
  const { t, i18n } = useTranslation();
  const name = (personId: string) => nameOf(t, people, state.partners, personId);
  return (
    <DataTable
      caption={t('signoff.caption')}
      className="signoff-table"
      columns={[t('signoff.col.partner'), t('signoff.col.state'), t('signoff.col.by'), t('signoff.col.at'), t('signoff.col.reason')]}
    >
      {standings(round)
        .sort((a, b) => partnerName(t, state, a.partnerId).localeCompare(partnerName(t, state, b.partnerId), 'de'))
        .map(({ partnerId, answer }) => {
          const standing = standingOf(round, answer);
          return (
            <tr key={partnerId}>
              <th scope="row">{partnerName(t, state, partnerId)}</th>
              <td>
                <span className={`badge signoff-${standing}`}>{t(`signoff.state.${standing}`)}</span>
              </td>
              <td>
                {answer ? name(answer.by) : '–'}
                {answer?.onBehalfOf && (
                  <>
                    <br />
                    <span className="muted">{t('signoff.onBehalfOf', { name: name(answer.onBehalfOf) })}</span>
                  </>
                )}
              </td>
              <td>{answer ? formatDateTime(answer.at, i18n.language) : '–'}</td>
              <td>{answer?.reason ?? '–'}</td>
            </tr>
          );
        })}
    </DataTable>
  );
}

/** How an ended round came out (P13, P14), in one sentence, with the decline's reason. */
export function RoundOutcome({ round, state, people }: Omit<RoundProps, 'positionId'>) {
  const { t, i18n } = useTranslation();
  const date = round.endedAt ? formatDateTime(round.endedAt, i18n.language) : '';
  const decline = declineOf(round);
  if (round.outcome === 'adopted') return <>{t('signoff.outcome.adopted', { date, total: round.entitled.length })}</>;
  if (round.outcome === 'declined' && decline?.answer) {
    return (
      <>
        {t('signoff.outcome.declined', { date, partner: partnerName(t, state, decline.partnerId) })}{' '}
        {t('signoff.reasonQuote', { reason: decline.answer.reason ?? '' })}
      </>
    );
  }
  return <>{t('signoff.outcome.withdrawn', { date, name: round.endedBy ? nameOf(t, people, state.partners, round.endedBy) : t('people.unknown') })}</>;
}

/** Rounds before the latest, newest first; approvals of a round that did not end adopted are superseded, each shown struck and labelled. */
export function EarlierRounds({ positionId, rounds, state, people }: Omit<RoundProps, 'round'> & { rounds: SignoffRound[] }) {
  const { t, i18n } = useTranslation();
  if (rounds.length === 0) return null;
  const partner = (partnerId: string) => partnerName(t, state, partnerId);
  return (
    <>
      <h4>{t('signoff.earlier')}</h4>
      <ol className="plain-list signoff-earlier" reversed>
        {[...rounds].reverse().map((round) => {
          const superseded = round.outcome === 'adopted' ? [] : approvalsOf(round, partner);
          return (
            <li key={round.id}>
              <strong>{formatDateTime(round.startedAt, i18n.language)}</strong> <RoundVersion positionId={positionId} round={round} state={state} />:{' '}
              <RoundOutcome round={round} state={state} people={people} />
              {superseded.length > 0 && (
                <>
                  {' '}
                  {t('signoff.superseded', { partners: superseded.map((a) => state.partners[a.partnerId]?.shortName ?? '?').join(', ') })}
                  <ul className="plain-list signoff-superseded-list">
                    {superseded.map((a) => (
                      <li key={a.partnerId}>
                        <del>{t('signoff.supersededApproval', { partner: partner(a.partnerId), name: nameOf(t, people, state.partners, a.by), date: formatDateTime(a.at, i18n.language) })}</del>{' '}
                        <span className="badge signoff-superseded">{t('signoff.state.superseded')}</span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
