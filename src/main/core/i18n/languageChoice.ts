import type { Language } from '../../../shared/settings';
import {
  createMessages,
  messagesIn,
  resolveLanguage,
  type Messages,
  type UiLanguage,
} from './messages';

/**
 * Which language main speaks: the `language` setting, or for 'system' the OS's preferred
 * languages where the host knows them (the desktop app), else what the page reported
 * (`app.reportLanguages`, the browser host). Asked anew for every text, so a changed
 * setting or report applies to the next notification or message.
 */
export class LanguageChoice {
  private reported: readonly string[] = [];
  readonly messages: Messages;

  constructor(
    private readonly setting: () => Language,
    private readonly system?: () => readonly string[],
  ) {
    this.messages = createMessages(() => this.current());
  }

  /** The page's languages, most preferred first. */
  report(languages: readonly string[]): UiLanguage {
    this.reported = [...languages];
    return this.current();
  }

  current(): UiLanguage {
    return this.for(this.setting());
  }

  /** The language a given setting would mean here (before the settings are loaded). */
  for(setting: Language): UiLanguage {
    return resolveLanguage(setting, this.system?.() ?? this.reported);
  }

  /** Messages fixed in the language a given setting means here. */
  messagesFor(setting: Language): Messages {
    return messagesIn(this.for(setting));
  }
}
