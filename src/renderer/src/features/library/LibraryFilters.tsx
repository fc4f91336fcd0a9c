import { useShallow } from 'zustand/react/shallow';
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

const modeChoices: SelectOption<LibraryQuery['mode']>[] = [
  { value: '', label: 'All modes' },
  { value: 'text', label: 'Text' },
  { value: 'image', label: 'Image' },
  { value: 'reference', label: 'Reference' },
];

/** Search, model, mode, favourites, date range and sort. */
export function LibraryFilters() {
  const query = useLibraryStore((s) => s.query);
  const setQuery = useLibraryStore((s) => s.setQuery);
  const models = useModels();
  const clipModels = useLibraryStore(
    useShallow((s) => [...new Set(s.clips.flatMap((c) => (c ? [c.model] : [])))]),
  );

  const modelIds = [
    ...new Set([...models.map((m) => m.id), ...clipModels, ...(query.model ? [query.model] : [])]),
  ].sort();

  return (
    <div className="library-filters" role="search" aria-label="Library filters">
      <label className="field grow">
        <span>Search clips</span>
        <input
          type="search"
          placeholder="Words in the prompt, a tag or a task id"
          value={query.text}
          onChange={(e) => setQuery({ text: e.target.value })}
        />
      </label>
      <Select
        label="Model"
        value={query.model}
        options={[
          { value: '', label: 'All models' },
          ...modelIds.map((id) => ({ value: id, label: id })),
        ]}
        onChange={(model) => setQuery({ model })}
      />
      <Select
        label="Mode"
        value={query.mode}
        options={modeChoices}
        onChange={(mode) => setQuery({ mode })}
      />
      <label className="field">
        <span>From</span>
        <input
          type="date"
          value={toDateInput(query.from)}
          onChange={(e) => setQuery({ from: fromDateInput(e.target.value, false) })}
        />
      </label>
      <label className="field">
        <span>To</span>
        <input
          type="date"
          value={toDateInput(query.to)}
          onChange={(e) => setQuery({ to: fromDateInput(e.target.value, true) })}
        />
      </label>
      <Select
        label="Sort by"
        value={query.sort}
        options={Object.entries(sortChoices).map(([key, { label }]) => ({
          value: key as SortChoice,
          label,
        }))}
        onChange={(sort) => setQuery({ sort })}
      />
      <label className="switch">
        <input
          type="checkbox"
          checked={query.favouritesOnly}
          onChange={(e) => setQuery({ favouritesOnly: e.target.checked })}
        />
        <span>Favourites only</span>
      </label>
      {isFiltered(query) && (
        <button type="button" onClick={() => setQuery({ ...emptyQuery, sort: query.sort })}>
          Clear filters
        </button>
      )}
    </div>
  );
}
