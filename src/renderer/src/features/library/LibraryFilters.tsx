import { useShallow } from 'zustand/react/shallow';
import { fromDateInput, toDateInput } from '../common/format';
import { useModels } from '../models';
import { useLibraryStore } from './libraryStore';
import { emptyQuery, isFiltered, sortChoices, type SortChoice } from './libraryQuery';

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
      <label className="field">
        <span>Model</span>
        <select value={query.model} onChange={(e) => setQuery({ model: e.target.value })}>
          <option value="">All models</option>
          {modelIds.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Mode</span>
        <select
          value={query.mode}
          onChange={(e) => setQuery({ mode: e.target.value as typeof query.mode })}
        >
          <option value="">All modes</option>
          <option value="text">Text</option>
          <option value="image">Image</option>
          <option value="reference">Reference</option>
        </select>
      </label>
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
      <label className="field">
        <span>Sort by</span>
        <select
          value={query.sort}
          onChange={(e) => setQuery({ sort: e.target.value as SortChoice })}
        >
          {Object.entries(sortChoices).map(([key, { label }]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </label>
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
