// The search box and filters above the catalog list. Typing a search shows folders, since that is what it searches.
import { boxStatuses } from '../../../shared/domain/types';
import type { ScheduleItemWithUse } from '../../../shared/api/contract';
import { boxStatusLabels } from '../ui/format';
import { initialCatalogView, type CatalogView } from './catalog-view';

interface CatalogFiltersProps {
  state: CatalogView;
  onChange: (next: CatalogView) => void;
  scheduleItems: ScheduleItemWithUse[];
}

export function CatalogFilters({ state, onChange, scheduleItems }: CatalogFiltersProps) {
  const set = <K extends keyof CatalogView>(key: K, value: CatalogView[K]) => onChange({ ...state, [key]: value });
  const folderOnly = state.view === 'folders';
  const anyFilter =
    state.query || state.scheduleItemId || state.yearFrom || state.yearTo || state.boxStatus || state.dispositionYear;

  return (
    <div className="filters" role="search" aria-label="Find boxes and folders">
      <label className="field field-search">
        <span>Search folders</span>
        <input
          type="search"
          data-search
          value={state.query}
          placeholder="Title, file code, notes or series"
          onChange={(event) =>
            onChange({ ...state, query: event.target.value, view: event.target.value.trim() ? 'folders' : state.view })
          }
        />
      </label>
      <label className="field">
        <span>Series</span>
        <select value={state.scheduleItemId} onChange={(event) => set('scheduleItemId', event.target.value)}>
          <option value="">All series</option>
          {scheduleItems.map((item) => (
            <option key={item.id} value={String(item.id)}>
              {item.itemNumber} — {item.title}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Box status</span>
        <select value={state.boxStatus} onChange={(event) => set('boxStatus', event.target.value as CatalogView['boxStatus'])}>
          <option value="">Any status</option>
          {boxStatuses.map((status) => (
            <option key={status} value={status}>
              {boxStatusLabels[status]}
            </option>
          ))}
        </select>
      </label>
      {folderOnly && (
        <>
          <label className="field field-year">
            <span>Years from</span>
            <input inputMode="numeric" maxLength={4} value={state.yearFrom} onChange={(event) => set('yearFrom', event.target.value)} />
          </label>
          <label className="field field-year">
            <span>Years to</span>
            <input inputMode="numeric" maxLength={4} value={state.yearTo} onChange={(event) => set('yearTo', event.target.value)} />
          </label>
          <label className="field field-year">
            <span>Disposition year</span>
            <input
              inputMode="numeric"
              maxLength={4}
              value={state.dispositionYear}
              onChange={(event) => set('dispositionYear', event.target.value)}
            />
          </label>
        </>
      )}
      {anyFilter && (
        <button type="button" className="button-link filters-clear" onClick={() => onChange({ ...initialCatalogView, view: state.view })}>
          Clear filters
        </button>
      )}
    </div>
  );
}
