/** What a key does in the clip player; `null` keys are not the player's. */
export type PlayerCommand =
  | 'playPause'
  | 'frameBack'
  | 'frameForward'
  | 'shuttleBack'
  | 'shuttlePause'
  | 'shuttleForward'
  | 'secondBack'
  | 'secondForward'
  | 'start'
  | 'end'
  | 'mute'
  | 'fullscreen'
  | 'help';

const COMMANDS: Record<string, PlayerCommand> = {
  ' ': 'playPause',
  ',': 'frameBack',
  '.': 'frameForward',
  j: 'shuttleBack',
  k: 'shuttlePause',
  l: 'shuttleForward',
  ArrowLeft: 'secondBack',
  ArrowRight: 'secondForward',
  Home: 'start',
  End: 'end',
  m: 'mute',
  f: 'fullscreen',
  '?': 'help',
};

interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** The command of a key press; with Ctrl, ⌘ or Alt it is the browser's or the system's. */
export function keyCommand(event: KeyPress): PlayerCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return COMMANDS[key] ?? null;
}

const TEXT_FIELD =
  'textarea, select, [contenteditable]:not([contenteditable="false"]), [role="textbox"], [role="combobox"], [role="searchbox"], input:not([type="button"], [type="checkbox"], [type="radio"], [type="range"], [type="submit"], [type="reset"])';
/** Controls that move by arrows, Home and End themselves. */
const RANGE_LIKE =
  '[role="slider"], input[type="range"], [role="radio"], input[type="radio"], [role="tab"], [role="menuitem"], [role="option"], [role="listbox"], [role="menu"]';
/** Controls that Space and Enter press. */
const PRESSABLE =
  'button, a[href], summary, input, [role="button"], [role="checkbox"], [role="switch"], [role="link"]';
const MOVE_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);

/**
 * Whether the focused element leaves `key` to the player. Never while typing (a text field
 * takes every key: a tag may hold a J), and never a key a focused control answers itself:
 * Space presses a button, arrows, Home and End move a slider or a radio group.
 */
export function leavesKeyToPlayer(target: Element | null, key: string): boolean {
  if (!target) return false;
  if (target.closest(TEXT_FIELD)) return false;
  if (MOVE_KEYS.has(key) && target.closest(RANGE_LIKE)) return false;
  if ((key === ' ' || key === 'Enter') && target.closest(`${PRESSABLE}, ${RANGE_LIKE}`))
    return false;
  return true;
}
