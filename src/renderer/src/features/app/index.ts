/** The app itself: what runs it (`app.info`), the connection, notices from main. */
export { useAppStore } from './appStore';
export { Notices } from './Notices';
