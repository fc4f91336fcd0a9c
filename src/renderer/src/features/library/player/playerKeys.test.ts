import { describe, expect, it } from 'vitest';
import { keyCommand, leavesKeyToPlayer } from './playerKeys';

const press = (
  key: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {},
) => keyCommand({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('the player’s keys', () => {
  it('map to commands, letters in either case', () => {
    expect(press(',')).toBe('frameBack');
    expect(press('.')).toBe('frameForward');
    expect(press('J')).toBe('shuttleBack');
    expect(press('k')).toBe('shuttlePause');
    expect(press('l')).toBe('shuttleForward');
    expect(press(' ')).toBe('playPause');
    expect(press('ArrowLeft')).toBe('secondBack');
    expect(press('End')).toBe('end');
    expect(press('?')).toBe('help');
    expect(press('x')).toBeNull();
  });

  it('leave Ctrl, ⌘ and Alt combinations to the browser and the system', () => {
    expect(press('l', { ctrlKey: true })).toBeNull();
    expect(press('.', { metaKey: true })).toBeNull();
    expect(press('j', { altKey: true })).toBeNull();
  });
});

describe('which focused element leaves a key to the player', () => {
  const make = (html: string) => {
    const host = document.createElement('div');
    host.innerHTML = html;
    return host.firstElementChild;
  };

  it('never a text field: a tag may hold any letter', () => {
    for (const html of [
      '<input>',
      '<input type="search">',
      '<textarea></textarea>',
      '<select></select>',
    ])
      expect(leavesKeyToPlayer(make(html), 'j'), html).toBe(false);
    expect(leavesKeyToPlayer(make('<div contenteditable="true"></div>'), '.')).toBe(false);
  });

  it('a button keeps Space and Enter, but leaves the player’s letters', () => {
    const button = make('<button>Favourite</button>');
    expect(leavesKeyToPlayer(button, ' ')).toBe(false);
    expect(leavesKeyToPlayer(button, 'l')).toBe(true);
    expect(leavesKeyToPlayer(button, 'ArrowRight')).toBe(true);
  });

  it('a slider or radio keeps the arrows, Home and End', () => {
    const slider = make('<span role="slider" tabindex="0"></span>');
    expect(leavesKeyToPlayer(slider, 'ArrowLeft')).toBe(false);
    expect(leavesKeyToPlayer(slider, 'Home')).toBe(false);
    expect(leavesKeyToPlayer(slider, '.')).toBe(true);
    expect(leavesKeyToPlayer(make('<input type="radio">'), 'ArrowDown')).toBe(false);
  });

  it('the video and the dialog itself leave every key', () => {
    expect(leavesKeyToPlayer(make('<video tabindex="0"></video>'), ' ')).toBe(true);
    expect(leavesKeyToPlayer(make('<div role="dialog" tabindex="-1"></div>'), 'Home')).toBe(true);
    expect(leavesKeyToPlayer(null, ' ')).toBe(false);
  });
});
