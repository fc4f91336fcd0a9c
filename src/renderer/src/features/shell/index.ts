/** The app's frame: every screen, with the stores started. */
export { Shell } from './Shell';
