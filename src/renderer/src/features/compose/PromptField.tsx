import { Select } from '../common/Select';
import { useComposeStore } from './composeStore';

/** The scene description, and the recent prompts to start from. */
export function PromptField() {
  const prompt = useComposeStore((s) => s.form.prompt);
  const history = useComposeStore((s) => s.history);
  const patch = useComposeStore((s) => s.patch);

  return (
    <div className="prompt-field">
      <label className="field">
        <span>Prompt</span>
        <textarea
          rows={5}
          maxLength={4000}
          placeholder="A paper plane gliding over a misty forest at dawn, slow dolly shot"
          value={prompt}
          onChange={(e) => patch({ prompt: e.target.value })}
        />
      </label>
      <div className="prompt-meta">
        {history.length > 0 && (
          <Select
            label="Recently used"
            className="field inline"
            value=""
            placeholder="Pick one to reuse…"
            options={history.map((p) => ({
              value: p,
              label: p.length > 90 ? `${p.slice(0, 90)}…` : p,
            }))}
            onChange={(p) => patch({ prompt: p })}
          />
        )}
        <span className="hint counter">{prompt.length} / 4000</span>
      </div>
    </div>
  );
}
