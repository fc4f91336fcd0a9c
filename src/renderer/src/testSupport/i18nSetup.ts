// Renderer tests start with the UI language initialised (filled in by the i18n setup).
export {};
