/** Notifications shown inside the page (the browser host has no OS notifications). */
export { Toasts } from './Toasts';
export { useToastsStore } from './toastsStore';
