import { useId } from 'react';
import type { Language } from '../../../../shared/settings';
import { navigatorLanguages, resolveLanguage, useTranslation } from '../../i18n';

/** The UI's language: the computer's (or browser's), or always English or Dutch. */
export function LanguageSetting({
  language,
  onChange,
}: {
  language: Language;
  onChange: (language: Language) => void;
}) {
  const { t } = useTranslation(['settings', 'common']);
  const name = useId();
  const system = t(`common:languages.${resolveLanguage('system', navigatorLanguages())}`);
  const choices: readonly { language: Language; label: string }[] = [
    { language: 'system', label: t('language.system', { language: system }) },
    { language: 'en', label: t('common:languages.en') },
    { language: 'nl', label: t('common:languages.nl') },
  ];
  return (
    <fieldset>
      <legend id={`${name}-label`}>{t('language.legend')}</legend>
      <div className="field">
        <div className="choices" role="radiogroup" aria-labelledby={`${name}-label`}>
          {choices.map((choice) => (
            <label key={choice.language} className="choice">
              <input
                type="radio"
                name={name}
                value={choice.language}
                checked={language === choice.language}
                onChange={() => onChange(choice.language)}
              />
              {/* Each language's name is in that language: tell the reader which it is. */}
              <span lang={choice.language === 'system' ? undefined : choice.language}>
                {choice.label}
              </span>
            </label>
          ))}
        </div>
      </div>
      <p className="hint">{t('language.hint')}</p>
    </fieldset>
  );
}
