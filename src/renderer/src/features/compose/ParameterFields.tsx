import { useId } from 'react';
import type { ModelInfo } from '../../../../shared/rules';
import { Slider } from '../common/Slider';
import { useComposeStore } from './composeStore';

/** Duration, shape, quality, seed and sound, offered only within the model's caps. */
export function ParameterFields({ model }: { model: ModelInfo }) {
  const form = useComposeStore((s) => s.form);
  const patch = useComposeStore((s) => s.patch);
  const { caps } = model;
  const soundHint = useId();
  const seedHint = useId();
  const durationLabel = useId();
  const fixedDuration = caps.min_duration_s === caps.max_duration_s;

  return (
    <div className="parameters">
      <div className="field">
        <span id={durationLabel}>Duration (seconds)</span>
        <div className="duration">
          <Slider
            labelledBy={durationLabel}
            min={caps.min_duration_s}
            max={caps.max_duration_s}
            value={form.durationSeconds}
            disabled={fixedDuration}
            valueText={`${form.durationSeconds} seconds`}
            onChange={(durationSeconds) => patch({ durationSeconds })}
          />
          <output aria-live="off">{form.durationSeconds} s</output>
        </div>
        <span className="hint">
          {fixedDuration
            ? `${model.id} makes ${caps.min_duration_s} s clips.`
            : `${caps.min_duration_s}–${caps.max_duration_s} s`}
        </span>
      </div>

      <Choices
        legend="Aspect ratio"
        name="aspect"
        values={caps.aspect_ratios}
        value={form.aspectRatio}
        onChange={(aspectRatio) => patch({ aspectRatio })}
      />
      <Choices
        legend="Quality"
        name="quality"
        values={caps.qualities}
        value={form.quality}
        onChange={(quality) => patch({ quality })}
      />

      <div className="field">
        <label htmlFor="compose-seed">Seed</label>
        <input
          id="compose-seed"
          inputMode="numeric"
          placeholder="Random"
          value={form.seed}
          aria-describedby={seedHint}
          onChange={(e) => patch({ seed: e.target.value })}
        />
        <span id={seedHint} className="hint">
          The same seed and settings give a similar clip again. Empty for a random one.
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
          <span>Sound</span>
        </label>
        <span id={soundHint} className="hint">
          Only some models (such as wan) make a soundtrack; the others ignore this.
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
