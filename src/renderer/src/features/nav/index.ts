/** Which screen is shown, and moving to another (with something to bring into view). */
export { go, sections, useGo, useNavStore, type Section } from './navStore';
export { sectionForShortcut, useSectionShortcuts } from './shortcuts';
