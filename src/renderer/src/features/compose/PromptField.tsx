import { useTranslation } from '../../i18n';
import { Select } from '../common/Select';
import { useComposeStore } from './composeStore';

const MAX_PROMPT = 4000;

/** The scene description, and the recent prompts to start from. */
export function PromptField() {
  const prompt = useComposeStore((s) => s.form.prompt);
  const history = useComposeStore((s) => s.history);
  const patch = useComposeStore((s) => s.patch);
  const { t } = useTranslation('compose');

  return (
    <div className="prompt-field">
      <label className="field">
        <span>{t('prompt.label')}</span>
        <textarea
          rows={5}
          maxLength={MAX_PROMPT}
          placeholder={t('prompt.placeholder')}
          value={prompt}
          onChange={(e) => patch({ prompt: e.target.value })}
        />
      </label>
      <div className="prompt-meta">
        {history.length > 0 && (
          <Select
            label={t('prompt.recent')}
            className="field inline"
            value=""
            placeholder={t('prompt.recentPlaceholder')}
            options={history.map((p) => ({
              value: p,
              label: p.length > 90 ? `${p.slice(0, 90)}…` : p,
            }))}
            onChange={(p) => patch({ prompt: p })}
          />
        )}
        <span className="hint counter">
          {t('prompt.counter', { length: prompt.length, max: MAX_PROMPT })}
        </span>
      </div>
    </div>
  );
}
