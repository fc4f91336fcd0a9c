import { useId } from 'react';
import type { Theme } from '../../../../shared/settings';

const choices: readonly { theme: Theme; label: string }[] = [
  { theme: 'system', label: 'System' },
  { theme: 'light', label: 'Light' },
  { theme: 'dark', label: 'Dark' },
];

/** Light or dark: as the OS says (it can change at sunset), or always one. */
export function ThemeSetting({
  theme,
  onChange,
}: {
  theme: Theme;
  onChange: (theme: Theme) => void;
}) {
  const name = useId();
  return (
    <fieldset>
      <legend>Appearance</legend>
      <div className="field">
        <span id={`${name}-label`}>Theme</span>
        <div className="choices" role="radiogroup" aria-labelledby={`${name}-label`}>
          {choices.map((choice) => (
            <label key={choice.theme} className="choice">
              <input
                type="radio"
                name={name}
                value={choice.theme}
                checked={theme === choice.theme}
                onChange={() => onChange(choice.theme)}
              />
              {choice.label}
            </label>
          ))}
        </div>
      </div>
      <p className="hint">System follows the light or dark mode of your computer.</p>
    </fieldset>
  );
}
