import { useMemo, useState, type FormEvent } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EVENT_TYPES } from '@verbund/shared/events';
import type { Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { DataTable } from '../../components/data-table';
import { SubmitActions } from '../../components/form-parts';
import { PartnerBadge } from '../../components/partner-badge';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { formatDateTime } from '../../lib/format';
import { personName } from '../../lib/person-name';
import { partnerOptions } from '../../lib/select-options';
import { useSession } from '../../lib/session-context';
import { auditQueryOptions, chainVerdictQueryOptions } from './audit-api';
import { auditPath, EMPTY_AUDIT_FILTER, type AuditFilter } from './audit-query';
import { CheckpointSection } from './checkpoint-section';
import { auditActor, auditKind, describeAuditEvent, type AuditContext } from './describe-audit-event';

type Props = { state: WorkspaceState; people: Person[] };

export function AuditPage({ state, people }: Props) {
  const { t, i18n } = useTranslation();
  const { membership } = useSession();
  const workspaceId = membership.workspaceId;
  const [draft, setDraft] = useState<AuditFilter>(EMPTY_AUDIT_FILTER);
  const [filter, setFilter] = useState<AuditFilter>(EMPTY_AUDIT_FILTER);
  const audit = useInfiniteQuery(auditQueryOptions(workspaceId, filter));
  const verdict = useQuery(chainVerdictQueryOptions(workspaceId));
  const events = audit.data?.pages.flatMap((p) => p.events) ?? [];
  const { partners, cards, positions } = state;
  const ctx: AuditContext = useMemo(
    () => ({
      t,
      language: i18n.language,
      people,
      partners,
      cardTitles: Object.fromEntries(Object.values(cards).map((c) => [c.id, c.title])),
      positionTitles: Object.fromEntries(Object.values(positions).map((p) => [p.id, p.title])),
    }),
    [t, i18n.language, people, partners, cards, positions],
  );
  const kinds = [...EVENT_TYPES].sort((a, b) => auditKind(t, a).localeCompare(auditKind(t, b)));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFilter(draft);
  };
  const set = (patch: Partial<AuditFilter>) => setDraft((d) => ({ ...d, ...patch }));

  return (
    <div className="page">
      <h2 id="page-heading" tabIndex={-1}>
        {t('audit.heading')}
      </h2>
      <p className="muted">{t('audit.intro')}</p>

      <section className="panel" aria-labelledby="audit-verify-heading">
        <h3 id="audit-verify-heading">{t('audit.verify.heading')}</h3>
        <p className="muted">{t('audit.verify.intro')}</p>
        <div className="form-actions">
          <button type="button" className="button button-primary" onClick={() => void verdict.refetch()} disabled={verdict.isFetching}>
            {verdict.isFetching ? t('audit.verify.running') : t('audit.verify.run')}
          </button>
        </div>
        <div role="status" className="verdict-slot">
          {verdict.data?.ok === true && <p className="verdict verdict-ok">{t('audit.verify.ok', { count: verdict.data.checked })}</p>}
          {verdict.data?.ok === false && (
            <p className="verdict verdict-broken">
              {t('audit.verify.broken', { seq: verdict.data.brokenAt, count: verdict.data.checked })} <span className="small">({verdict.data.reason})</span>
            </p>
          )}
          {verdict.isError && <p className="form-error">{t('audit.verify.failed')}</p>}
        </div>
      </section>

      <CheckpointSection workspaceId={workspaceId} />

      <form className="panel audit-filter" onSubmit={onSubmit} aria-labelledby="audit-filter-heading">
        <h3 id="audit-filter-heading" className="form-heading">
          {t('audit.filter.heading')}
        </h3>
        <div className="filters">
          <SelectField
            inline
            id="audit-person"
            label={t('audit.filter.person')}
            value={draft.personId}
            onChange={(v) => set({ personId: v })}
            emptyLabel={t('board.any')}
            options={people.map((p) => ({ value: p.id, label: personName(t, p, partners) }))}
          />
          <SelectField inline id="audit-partner" label={t('audit.filter.partner')} value={draft.partnerId} onChange={(v) => set({ partnerId: v })} emptyLabel={t('board.any')} options={partnerOptions(Object.values(partners))} />
          <SelectField
            inline
            id="audit-type"
            label={t('audit.filter.type')}
            value={draft.type}
            onChange={(v) => set({ type: v })}
            emptyLabel={t('board.any')}
            options={kinds.map((type) => ({ value: type, label: auditKind(t, type) }))}
          />
          <TextField id="audit-from" label={t('audit.filter.from')} type="date" value={draft.from} onChange={(e) => set({ from: e.target.value })} />
          <TextField id="audit-to" label={t('audit.filter.to')} type="date" value={draft.to} onChange={(e) => set({ to: e.target.value })} />
          <SubmitActions label={t('audit.filter.apply')}>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setDraft(EMPTY_AUDIT_FILTER);
                setFilter(EMPTY_AUDIT_FILTER);
              }}
            >
              {t('board.resetFilters')}
            </button>
          </SubmitActions>
        </div>
      </form>

      <div className="button-row export-row">
        <a className="button button-secondary" href={auditPath(workspaceId, filter, { format: 'csv' })} download>
          {t('audit.exportCsv')}
        </a>
        <a className="button button-secondary" href={auditPath(workspaceId, filter, { format: 'json' })} download>
          {t('audit.exportJson')}
        </a>
      </div>

      {audit.isPending && <p role="status">{t('app.loading')}</p>}
      {audit.isError && <p className="form-error">{t('audit.failed')}</p>}
      {audit.isSuccess && (
        <DataTable caption={t('audit.caption', { count: events.length })} columns={[t('audit.col.seq'), t('audit.col.at'), t('audit.col.actor'), t('audit.col.partner'), t('audit.col.kind'), t('audit.col.description')]} empty={events.length === 0 ? t('audit.empty') : null} className="audit-table">
          {events.map((event) => (
            <tr key={event.seq}>
              <td>{event.seq}</td>
              <td>
                <time dateTime={event.at}>{formatDateTime(event.at, i18n.language)}</time>
              </td>
              <td>{auditActor(event, ctx)}</td>
              <td>{event.partnerId ? <PartnerBadge partners={partners} partnerId={event.partnerId} /> : '–'}</td>
              <td>{auditKind(t, event.type)}</td>
              <td className="audit-description">{describeAuditEvent(event, ctx)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {audit.hasNextPage && (
        <button type="button" className="button button-secondary" onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
          {t('audit.more')}
        </button>
      )}
    </div>
  );
}
