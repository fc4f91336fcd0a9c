import { useShallow } from 'zustand/react/shallow';
import { Trans, useTranslation } from '../../i18n';
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
  const { t } = useTranslation('compose');
  const settingsLink = <button type="button" className="link" onClick={() => go('Settings')} />;

  if (error) {
    return (
      <div className="inline-error" role="alert">
        <p>{error}</p>
        <button type="button" onClick={() => void load(true)} disabled={loading}>
          {t('model.tryAgain')}
        </button>
        <button type="button" className="quiet" onClick={() => go('Settings')}>
          {t('model.checkSettings')}
        </button>
      </div>
    );
  }
  if (loaded && models.length === 0 && needsKey) {
    return (
      <p className="empty-hint" role="status">
        <Trans t={t} i18nKey="model.needsKey" components={{ settings: settingsLink }} />
      </p>
    );
  }
  if (loaded && models.length === 0) {
    return (
      <p className="empty-hint" role="status">
        <Trans t={t} i18nKey="model.none" components={{ settings: settingsLink }} />
      </p>
    );
  }
  return (
    <Select
      label={t('model.label')}
      value={modelId}
      disabled={!loaded}
      placeholder={t('model.loading')}
      options={models.map((m) => ({
        value: m.id,
        label: t('model.option', {
          model: m.id,
          price: formatCentsPerSecond(m.caps.price_per_second_cents),
        }),
      }))}
      onChange={(id) => {
        const model = models.find((m) => m.id === id);
        if (model) selectModel(model);
      }}
    />
  );
}
