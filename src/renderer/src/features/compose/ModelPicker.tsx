import { useShallow } from 'zustand/react/shallow';
import { formatCentsPerSecond } from '../common/format';
import { Select } from '../common/Select';
import { useModelsStore } from '../models';
import { useGo } from '../nav';
import { useComposeStore } from './composeStore';

/** The video models of the backend, each with its price per second. */
export function ModelPicker() {
  const { models, loaded, loading, error, load, needsKey } = useModelsStore(
    useShallow((s) => ({
      models: s.models,
      loaded: s.loaded,
      loading: s.loading,
      error: s.error,
      load: s.load,
      needsKey: s.needsKey,
    })),
  );
  const modelId = useComposeStore((s) => s.form.modelId);
  const selectModel = useComposeStore((s) => s.selectModel);
  const go = useGo();

  if (error) {
    return (
      <div className="inline-error" role="alert">
        <p>{error}</p>
        <button type="button" onClick={() => void load(true)} disabled={loading}>
          Try again
        </button>
        <button type="button" className="quiet" onClick={() => go('Settings')}>
          Check settings
        </button>
      </div>
    );
  }
  if (loaded && models.length === 0 && needsKey) {
    return (
      <p className="empty-hint" role="status">
        There are no models to choose from without an API key. Save your key in{' '}
        <button type="button" className="link" onClick={() => go('Settings')}>
          Settings
        </button>
        , or turn on the demo there to try Airframe for free.
      </p>
    );
  }
  if (loaded && models.length === 0) {
    return (
      <p className="empty-hint" role="status">
        The API offers no video models. Check the API base URL in{' '}
        <button type="button" className="link" onClick={() => go('Settings')}>
          Settings
        </button>
        .
      </p>
    );
  }
  return (
    <Select
      label="Model"
      value={modelId}
      disabled={!loaded}
      placeholder="Loading models…"
      options={models.map((m) => ({
        value: m.id,
        label: `${m.id} — ${formatCentsPerSecond(m.caps.price_per_second_cents)}`,
      }))}
      onChange={(id) => {
        const model = models.find((m) => m.id === id);
        if (model) selectModel(model);
      }}
    />
  );
}
