import { screen, type BrowserWindow, type Rectangle } from 'electron';
import type { KeyValueStore } from '../core/ports';

const KEY = 'window.state';

interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

/** The size and place the window had last time, if it still fits on a connected display. */
export function restoredBounds(store: KeyValueStore): Partial<Rectangle> & { maximized: boolean } {
  const saved = store.get(KEY) as WindowState | undefined;
  if (!saved?.bounds || typeof saved.bounds.width !== 'number')
    return { width: 1200, height: 800, maximized: false };
  const display = screen.getDisplayMatching(saved.bounds).workArea;
  const visible =
    saved.bounds.x < display.x + display.width &&
    saved.bounds.x + saved.bounds.width > display.x &&
    saved.bounds.y < display.y + display.height &&
    saved.bounds.y + saved.bounds.height > display.y;
  const size = { width: saved.bounds.width, height: saved.bounds.height };
  return {
    ...(visible ? { x: saved.bounds.x, y: saved.bounds.y } : {}),
    ...size,
    maximized: saved.maximized === true,
  };
}

export function rememberBounds(win: BrowserWindow, store: KeyValueStore): void {
  const save = () => {
    if (win.isDestroyed() || win.isMinimized()) return;
    store.set(KEY, {
      bounds: win.getNormalBounds(),
      maximized: win.isMaximized(),
    } satisfies WindowState);
  };
  win.on('close', save);
  win.on('resized', save);
  win.on('moved', save);
}
