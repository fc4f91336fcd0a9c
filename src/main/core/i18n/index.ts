export {
  acceptedLanguages,
  createMessages,
  english,
  messagesIn,
  pickLanguage,
  resolveLanguage,
  uiLanguages,
  type MessageKey,
  type Messages,
  type MessageValues,
  type Translate,
  type UiLanguage,
} from './messages';
export { LanguageChoice } from './languageChoice';
export { apiBaseText, dispatchTexts } from './texts';
