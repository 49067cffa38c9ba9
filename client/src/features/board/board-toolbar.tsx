import { useTranslation } from 'react-i18next';
import { STATUSES, statusSchema, type Partner } from '@verbund/shared/model';
import { EMPTY_FILTER, useUiStore } from '../../lib/ui-store';
import { isFilterActive } from './filter-cards';

type Props = { partners: Partner[]; tags: string[] };

export function BoardToolbar({ partners, tags }: Props) {
  const { t } = useTranslation();
  const { view, setView, showArchived, setShowArchived, filter, setFilter } = useUiStore();
  return (
    <div className="toolbar">
      <div className="toggle-group" role="group" aria-labelledby="view-label">
        <span id="view-label" className="toolbar-label">
          {t('board.view')}
        </span>
        <button type="button" className="toggle" aria-pressed={view === 'area'} onClick={() => setView('area')}>
          {t('board.byArea')}
        </button>
        <button type="button" className="toggle" aria-pressed={view === 'status'} onClick={() => setView('status')}>
          {t('board.byStatus')}
        </button>
      </div>
      <form className="filters" role="search" aria-label={t('board.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field field-inline">
          <label htmlFor="filter-text">{t('board.filterText')}</label>
          <input id="filter-text" type="search" value={filter.text} onChange={(e) => setFilter({ text: e.target.value })} />
        </div>
        <div className="field field-inline">
          <label htmlFor="filter-partner">{t('board.filterPartner')}</label>
          <select id="filter-partner" value={filter.partnerId} onChange={(e) => setFilter({ partnerId: e.target.value })}>
            <option value="">{t('board.any')}</option>
            {partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.shortName})
              </option>
            ))}
          </select>
        </div>
        <div className="field field-inline">
          <label htmlFor="filter-status">{t('board.filterStatus')}</label>
          <select
            id="filter-status"
            value={filter.status}
            onChange={(e) => {
              const status = statusSchema.safeParse(e.target.value);
              setFilter({ status: status.success ? status.data : '' });
            }}
          >
            <option value="">{t('board.any')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-inline">
          <label htmlFor="filter-tag">{t('board.filterTag')}</label>
          <select id="filter-tag" value={filter.tag} onChange={(e) => setFilter({ tag: e.target.value })}>
            <option value="">{t('board.any')}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </div>
        {isFilterActive(filter) && (
          <button type="button" className="button button-quiet" onClick={() => setFilter(EMPTY_FILTER)}>
            {t('board.resetFilters')}
          </button>
        )}
      </form>
      <div className="checkbox">
        <input id="show-archived" type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
        <label htmlFor="show-archived">{t('board.showArchived')}</label>
      </div>
    </div>
  );
}
