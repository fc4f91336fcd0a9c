import { beforeEach, describe, expect, it, vi } from 'vitest';
import { stringMatching } from '../../../test/support/matchers';

const appHandlers = new Map<string, (event: { preventDefault(): void }) => void>();
const showMessageBoxSync = vi.fn(() => 0);
const trays: { destroyed: boolean }[] = [];

vi.mock('electron', () => ({
  app: {
    on: (event: string, h: (e: { preventDefault(): void }) => void) => appHandlers.set(event, h),
    quit: vi.fn(),
  },
  dialog: { showMessageBoxSync },
  Menu: { buildFromTemplate: (items: unknown) => items },
  nativeImage: { createFromPath: () => ({}) },
  Tray: class {
    record = { destroyed: false };
    constructor() {
      trays.push(this.record);
    }
    setToolTip() {}
    setContextMenu() {}
    on() {}
    destroy() {
      this.record.destroyed = true;
    }
  },
}));

const { keepRunningInBackground } = await import('./background');
const { messagesIn } = await import('../core/i18n');

function fakeWindow() {
  const handlers = new Map<string, (event: { preventDefault(): void }) => void>();
  return {
    handlers,
    on: (event: string, h: (e: { preventDefault(): void }) => void) => handlers.set(event, h),
    hide: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
  };
}

const event = () => ({ preventDefault: vi.fn() });

describe('closing and quitting with unfinished jobs', () => {
  beforeEach(() => {
    appHandlers.clear();
    trays.length = 0;
    showMessageBoxSync.mockReset().mockReturnValue(0);
  });

  it('hides to the tray instead of closing while jobs are unfinished', () => {
    const win = fakeWindow();
    keepRunningInBackground({
      win: win as never,
      iconPath: 'icon.png',
      unfinished: () => 2,
      runInBackground: () => true,
    });
    const close = event();
    win.handlers.get('close')!(close);
    expect(close.preventDefault).toHaveBeenCalled();
    expect(win.hide).toHaveBeenCalled();
    expect(trays).toHaveLength(1);
  });

  it('closes normally when nothing is unfinished, or when the setting is off', () => {
    for (const [unfinished, background] of [
      [0, true],
      [3, false],
    ] as const) {
      const win = fakeWindow();
      keepRunningInBackground({
        win: win as never,
        iconPath: 'icon.png',
        unfinished: () => unfinished,
        runInBackground: () => background,
      });
      const close = event();
      win.handlers.get('close')!(close);
      expect(close.preventDefault).not.toHaveBeenCalled();
    }
  });

  it('says unfinished jobs will resume when quitting, and lets the user keep running', () => {
    const win = fakeWindow();
    keepRunningInBackground({
      win: win as never,
      iconPath: 'icon.png',
      unfinished: () => 2,
      runInBackground: () => true,
    });
    showMessageBoxSync.mockReturnValue(1);
    const keep = event();
    appHandlers.get('before-quit')!(keep);
    expect(keep.preventDefault).toHaveBeenCalled();
    expect(showMessageBoxSync).toHaveBeenCalledWith(
      expect.objectContaining({
        message: '2 jobs are not finished.',
        detail: stringMatching(/resume/),
      }),
    );
    showMessageBoxSync.mockReturnValue(0);
    const quit = event();
    appHandlers.get('before-quit')!(quit);
    expect(quit.preventDefault).not.toHaveBeenCalled();
    // Once quitting, closing the window really closes it.
    const close = event();
    win.handlers.get('close')!(close);
    expect(close.preventDefault).not.toHaveBeenCalled();
  });

  it('asks in the language main speaks (Dutch)', () => {
    const win = fakeWindow();
    keepRunningInBackground({
      win: win as never,
      iconPath: 'icon.png',
      unfinished: () => 1,
      runInBackground: () => true,
      messages: messagesIn('nl'),
    });
    showMessageBoxSync.mockReturnValue(1);
    appHandlers.get('before-quit')!(event());
    expect(showMessageBoxSync).toHaveBeenCalledWith(
      expect.objectContaining({
        buttons: ['Stoppen', 'Laten doorlopen'],
        message: '1 taak is nog niet klaar.',
        detail: stringMatching(/zonder dat je opnieuw betaalt/),
      }),
    );
  });
});
