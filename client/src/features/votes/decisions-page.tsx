import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { REGISTER_ENTRY_TYPES, type AdoptedPositionEntry } from '@verbund/shared/decision-register';
import type { DecisionEntry } from '@verbund/shared/vote-wire';
import { DataTable } from '../../components/data-table';
import { SelectField } from '../../components/select-field';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session-context';
import { AdoptedPositionsTable } from './adopted-positions-table';
import { decisionsPath, decisionsQueryOptions, type DecisionFilter } from './votes-api';

type Props = { state: WorkspaceState; people: Person[] };

const VERDICTS = ['passed', 'rejected', 'no_quorum', 'ranked'] as const;

/** The decision register ("Beschlüsse", D36, P56): filters, the votes' decisions and the adopted positions, exports. */
export function DecisionsPage({ state, people }: Props) {
  const { t, i18n } = useTranslation();
  const { membership } = useSession();
  const workspaceId = membership.workspaceId;
  const [draft, setDraft] = useState<DecisionFilter>({});
  const [filter, setFilter] = useState<DecisionFilter>({});
  const decisions = useQuery(decisionsQueryOptions(workspaceId, filter));
  const cards = Object.values(state.cards).sort((a, b) => a.title.localeCompare(b.title, 'de'));
  const set = (patch: DecisionFilter) => setDraft((d) => ({ ...d, ...patch }));
  // A verdict is a vote's (P56): asking for positions only drops it, and the field is off while so.
  const setType = (type: DecisionFilter['type']) => set(type === 'position' ? { type, verdict: undefined } : { type });
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name || t('votes.someone');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFilter(draft);
  };
  const entries = decisions.data ?? [];
  const votes = entries.filter((e): e is DecisionEntry => e.type === 'vote');
  const positions = entries.filter((e): e is AdoptedPositionEntry => e.type === 'position');
  // With a verdict, or with only votes asked for, there is no positions table.
  const showVotes = filter.type !== 'position';
  const showPositions = filter.type !== 'vote' && !filter.verdict;
  const counts = (d: DecisionEntry) =>
    d.kind === 'proposal'
      ? Object.entries(d.tally.options).map(([k, n]) => `${t(`votes.position.${k}`)} ${n}`).join(', ')
      : t('votes.voices', { count: d.tally.voices });

  return (
    <div className="page decisions-page">
      <h2 id="page-heading" tabIndex={-1}>
        {t('decisions.heading')}
      </h2>
      <p className="muted">{t('decisions.intro')}</p>
      <form className="filters" onSubmit={onSubmit} aria-label={t('decisions.filters')}>
        <SelectField
          id="decisions-type"
          label={t('decisions.type')}
          value={draft.type ?? ''}
          onChange={(value) => setType(REGISTER_ENTRY_TYPES.find((v) => v === value))}
          options={REGISTER_ENTRY_TYPES.map((v) => ({ value: v, label: t(`decisions.types.${v}`) }))}
          emptyLabel={t('decisions.allTypes')}
        />
        <SelectField
          id="decisions-card"
          label={t('decisions.card')}
          value={draft.cardId ?? ''}
          onChange={(value) => set({ cardId: value || undefined })}
          options={cards.map((c) => ({ value: c.id, label: c.title }))}
          emptyLabel={t('decisions.allCards')}
        />
        <SelectField
          id="decisions-verdict"
          label={t('decisions.verdict')}
          value={draft.verdict ?? ''}
          onChange={(value) => set({ verdict: VERDICTS.find((v) => v === value) })}
          options={VERDICTS.map((v) => ({ value: v, label: t(`votes.verdict.${v}`) }))}
          emptyLabel={t('decisions.allVerdicts')}
          disabled={draft.type === 'position'}
        />
        <div className="field">
          <label htmlFor="decisions-from">{t('decisions.from')}</label>
          <input id="decisions-from" type="date" value={draft.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} />
        </div>
        <div className="field">
          <label htmlFor="decisions-to">{t('decisions.to')}</label>
          <input id="decisions-to" type="date" value={draft.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t('decisions.apply')}
          </button>
        </div>
      </form>
      <p className="export-row">
        <a className="button button-secondary" href={decisionsPath(workspaceId, filter, 'csv')} download>
          {t('decisions.exportCsv')}
        </a>{' '}
        <a className="button button-secondary" href={decisionsPath(workspaceId, filter, 'markdown')} download>
          {t('decisions.exportMarkdown')}
        </a>
      </p>
      {decisions.isPending && <p role="status">{t('app.loading')}</p>}
      {decisions.isError && <p role="alert">{t('app.loadFailed')}</p>}
      {decisions.data && showVotes && (
        <DataTable caption={t('decisions.caption', { count: votes.length })} empty={votes.length === 0 ? t('decisions.noVotes') : null} columns={[t('decisions.title'), t('decisions.verdict'), t('decisions.counts'), t('decisions.statement'), t('decisions.cards'), t('decisions.closedAt')]} className="decisions-table">
          {votes.map((d) => (
            <tr key={d.id}>
              <th scope="row">{d.title}</th>
              <td>
                <span className={`verdict-tag verdict-${d.verdict}`}>{t(`votes.verdict.${d.verdict}`)}</span>
              </td>
              <td>{counts(d)}</td>
              <td>
                <span className="decision-statement">{d.statement.text}</span>
                <span className="small muted"> – {nameOf(d.statement.by)}</span>
              </td>
              <td>{d.cardIds.map((id) => state.cards[id]?.title ?? t('votes.unknownCard')).join('; ') || '–'}</td>
              <td>{formatDateTime(d.closedAt, i18n.language)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {decisions.data && showPositions && <AdoptedPositionsTable entries={positions} state={state} people={people} />}
    </div>
  );
}
