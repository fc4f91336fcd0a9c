/** The app itself: what runs it (`app.info`), where its media is served, notices from main. */
export { useAppStore } from './appStore';
export { useClipMedia } from './media';
export { Notices } from './Notices';
