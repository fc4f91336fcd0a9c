import { useShallow } from 'zustand/react/shallow';
import { useTranslation } from '../../i18n';
import { fromDateInput, toDateInput } from '../common/format';
import { Select, type SelectOption } from '../common/Select';
import { useModels } from '../models';
import { useLibraryStore } from './libraryStore';
import {
  emptyQuery,
  isFiltered,
  sortChoices,
  type LibraryQuery,
  type SortChoice,
} from './libraryQuery';

const modes = ['text', 'image', 'reference'] as const;

/** Search, model, mode, favourites, date range and sort. */
export function LibraryFilters() {
  const query = useLibraryStore((s) => s.query);
  const setQuery = useLibraryStore((s) => s.setQuery);
  const models = useModels();
  const { t } = useTranslation('library');
  const modeChoices: SelectOption<LibraryQuery['mode']>[] = [
    { value: '', label: t('filters.allModes') },
    ...modes.map((mode) => ({ value: mode, label: t(`modes.${mode}`) })),
  ];
  const clipModels = useLibraryStore(
    useShallow((s) => [...new Set(s.clips.flatMap((c) => (c ? [c.model] : [])))]),
  );

  const modelIds = [
    ...new Set([...models.map((m) => m.id), ...clipModels, ...(query.model ? [query.model] : [])]),
  ].sort();

  return (
    <div className="library-filters" role="search" aria-label={t('filters.label')}>
      <label className="field grow">
        <span>{t('filters.search')}</span>
        <input
          type="search"
          placeholder={t('filters.searchPlaceholder')}
          value={query.text}
          onChange={(e) => setQuery({ text: e.target.value })}
        />
      </label>
      <Select
        label={t('filters.model')}
        value={query.model}
        options={[
          { value: '', label: t('filters.allModels') },
          ...modelIds.map((id) => ({ value: id, label: id })),
        ]}
        onChange={(model) => setQuery({ model })}
      />
      <Select
        label={t('filters.mode')}
        value={query.mode}
        options={modeChoices}
        onChange={(mode) => setQuery({ mode })}
      />
      <label className="field">
        <span>{t('filters.from')}</span>
        <input
          type="date"
          value={toDateInput(query.from)}
          onChange={(e) => setQuery({ from: fromDateInput(e.target.value, false) })}
        />
      </label>
      <label className="field">
        <span>{t('filters.to')}</span>
        <input
          type="date"
          value={toDateInput(query.to)}
          onChange={(e) => setQuery({ to: fromDateInput(e.target.value, true) })}
        />
      </label>
      <Select
        label={t('filters.sortBy')}
        value={query.sort}
        options={(Object.keys(sortChoices) as SortChoice[]).map((choice) => ({
          value: choice,
          label: t(`sort.${choice}`),
        }))}
        onChange={(sort) => setQuery({ sort })}
      />
      <label className="switch">
        <input
          type="checkbox"
          checked={query.favouritesOnly}
          onChange={(e) => setQuery({ favouritesOnly: e.target.checked })}
        />
        <span>{t('filters.favouritesOnly')}</span>
      </label>
      {isFiltered(query) && (
        <button type="button" onClick={() => setQuery({ ...emptyQuery, sort: query.sort })}>
          {t('filters.clear')}
        </button>
      )}
    </div>
  );
}
