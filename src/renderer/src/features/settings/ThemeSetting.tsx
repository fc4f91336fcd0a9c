import { useId } from 'react';
import type { Theme } from '../../../../shared/settings';
import { useTranslation } from '../../i18n';

const choices: readonly Theme[] = ['system', 'light', 'dark'];

/** Light or dark: as the OS says (it can change at sunset), or always one. */
export function ThemeSetting({
  theme,
  onChange,
}: {
  theme: Theme;
  onChange: (theme: Theme) => void;
}) {
  const { t } = useTranslation('settings');
  const name = useId();
  return (
    <fieldset>
      <legend>{t('theme.legend')}</legend>
      <div className="field">
        <span id={`${name}-label`}>{t('theme.label')}</span>
        <div className="choices" role="radiogroup" aria-labelledby={`${name}-label`}>
          {choices.map((choice) => (
            <label key={choice} className="choice">
              <input
                type="radio"
                name={name}
                value={choice}
                checked={theme === choice}
                onChange={() => onChange(choice)}
              />
              {t(`theme.${choice}`)}
            </label>
          ))}
        </div>
      </div>
      <p className="hint">{t('theme.hint')}</p>
    </fieldset>
  );
}
