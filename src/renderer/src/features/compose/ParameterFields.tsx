import { useId } from 'react';
import type { ModelInfo } from '../../../../shared/rules';
import { useTranslation } from '../../i18n';
import { Slider } from '../common/Slider';
import { useComposeStore } from './composeStore';

/** Duration, shape, quality, seed and sound, offered only within the model's caps. */
export function ParameterFields({ model }: { model: ModelInfo }) {
  const form = useComposeStore((s) => s.form);
  const patch = useComposeStore((s) => s.patch);
  const { caps } = model;
  const { t } = useTranslation('compose');
  const soundHint = useId();
  const seedHint = useId();
  const durationLabel = useId();
  const fixedDuration = caps.min_duration_s === caps.max_duration_s;

  return (
    <div className="parameters">
      <div className="field">
        <span id={durationLabel}>{t('params.duration')}</span>
        <div className="duration">
          <Slider
            labelledBy={durationLabel}
            min={caps.min_duration_s}
            max={caps.max_duration_s}
            value={form.durationSeconds}
            disabled={fixedDuration}
            valueText={t('params.durationValue', { count: form.durationSeconds })}
            onChange={(durationSeconds) => patch({ durationSeconds })}
          />
          <output aria-live="off">{t('params.seconds', { value: form.durationSeconds })}</output>
        </div>
        <span className="hint">
          {fixedDuration
            ? t('params.fixedDuration', { model: model.id, seconds: caps.min_duration_s })
            : t('params.durationRange', { min: caps.min_duration_s, max: caps.max_duration_s })}
        </span>
      </div>

      <Choices
        legend={t('params.aspect')}
        name="aspect"
        values={caps.aspect_ratios}
        value={form.aspectRatio}
        onChange={(aspectRatio) => patch({ aspectRatio })}
      />
      <Choices
        legend={t('params.quality')}
        name="quality"
        values={caps.qualities}
        value={form.quality}
        onChange={(quality) => patch({ quality })}
      />

      <div className="field">
        <label htmlFor="compose-seed">{t('params.seed')}</label>
        <input
          id="compose-seed"
          inputMode="numeric"
          placeholder={t('params.seedPlaceholder')}
          value={form.seed}
          aria-describedby={seedHint}
          onChange={(e) => patch({ seed: e.target.value })}
        />
        <span id={seedHint} className="hint">
          {t('params.seedHint')}
        </span>
      </div>

      <div className="field">
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={form.sound}
            aria-describedby={soundHint}
            onChange={(e) => patch({ sound: e.target.checked })}
          />
          <span>{t('params.sound')}</span>
        </label>
        <span id={soundHint} className="hint">
          {t('params.soundHint')}
        </span>
      </div>
    </div>
  );
}

interface ChoicesProps<T extends string> {
  legend: string;
  name: string;
  values: readonly T[];
  value: T | null;
  onChange: (value: T) => void;
}

function Choices<T extends string>({ legend, name, values, value, onChange }: ChoicesProps<T>) {
  if (values.length === 0) return null;
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v} className="choice">
          <input
            type="radio"
            name={name}
            value={v}
            checked={v === value}
            onChange={() => onChange(v)}
          />
          <span>{v}</span>
        </label>
      ))}
    </fieldset>
  );
}
