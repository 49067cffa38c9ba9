import { useTranslation } from 'react-i18next';
import { statusSchema, type Partner } from '@verbund/shared/model';
import { SelectField } from '../../components/select-field';
import { partnerOptions, statusOptions } from '../../lib/select-options';
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
        <SelectField inline id="filter-partner" label={t('board.filterPartner')} value={filter.partnerId} onChange={(v) => setFilter({ partnerId: v })} emptyLabel={t('board.any')} options={partnerOptions(partners)} />
        <SelectField
          inline
          id="filter-status"
          label={t('board.filterStatus')}
          value={filter.status}
          onChange={(v) => {
            const status = statusSchema.safeParse(v);
            setFilter({ status: status.success ? status.data : '' });
          }}
          emptyLabel={t('board.any')}
          options={statusOptions(t)}
        />
        <SelectField inline id="filter-tag" label={t('board.filterTag')} value={filter.tag} onChange={(v) => setFilter({ tag: v })} emptyLabel={t('board.any')} options={tags.map((tag) => ({ value: tag, label: tag }))} />
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
