/**
 * Electron accelerators ('CmdOrCtrl+B', 'Space'), read for the page: the chord a key press must
 * make, and how to show it. The shortcut table is written once in Electron's syntax so the desktop
 * menu and the page can never disagree about a key.
 */
export type Platform = 'mac' | 'other';

/** A key and the exact modifiers held with it. `key` is a canonical token (see `keyToken`). */
export interface KeyChord {
  key: string;
  ctrl: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

type Modifier = 'ctrl' | 'meta' | 'alt' | 'shift';

function modifierOf(name: string, platform: Platform): Modifier | null {
  switch (name.toLowerCase()) {
    case 'cmdorctrl':
    case 'commandorcontrol':
      return platform === 'mac' ? 'meta' : 'ctrl';
    case 'cmd':
    case 'command':
    case 'super':
    case 'meta':
      return 'meta';
    case 'ctrl':
    case 'control':
      return 'ctrl';
    case 'alt':
    case 'option':
      return 'alt';
    case 'shift':
      return 'shift';
    default:
      return null;
  }
}

/** Names that differ between Electron's key codes and KeyboardEvent.key, mapped to one spelling. */
const KEY_ALIASES: Readonly<Record<string, string>> = {
  ' ': 'SPACE',
  '+': 'PLUS',
  ESC: 'ESCAPE',
  RETURN: 'ENTER',
  ARROWUP: 'UP',
  ARROWDOWN: 'DOWN',
  ARROWLEFT: 'LEFT',
  ARROWRIGHT: 'RIGHT',
};

/** One spelling for a key, whether it comes from an accelerator ('Space', 'b') or an event (' ', 'B'). */
export function keyToken(key: string): string {
  const upper = key.toUpperCase();
  return KEY_ALIASES[upper] ?? upper;
}

export function parseAccelerator(accelerator: string, platform: Platform): KeyChord {
  // 'Plus' is how Electron spells '+', so splitting on '+' never cuts a key in two.
  const parts = accelerator.split('+');
  const key = parts.pop();
  if (!key) throw new Error(`Accelerator without a key: "${accelerator}"`);
  const chord: KeyChord = { key: keyToken(key), ctrl: false, meta: false, alt: false, shift: false };
  for (const part of parts) {
    const modifier = modifierOf(part, platform);
    if (!modifier) throw new Error(`Unknown modifier "${part}" in accelerator "${accelerator}"`);
    chord[modifier] = true;
  }
  return chord;
}

/** How a key is shown in a tooltip: '⌘B' on macOS, 'Ctrl+B' elsewhere. */
export function acceleratorLabel(accelerator: string, platform: Platform): string {
  const chord = parseAccelerator(accelerator, platform);
  const key = chord.key.length === 1 ? chord.key : chord.key.charAt(0) + chord.key.slice(1).toLowerCase();
  if (platform === 'mac') {
    return `${chord.ctrl ? '⌃' : ''}${chord.alt ? '⌥' : ''}${chord.shift ? '⇧' : ''}${chord.meta ? '⌘' : ''}${key}`;
  }
  const names = [chord.ctrl && 'Ctrl', chord.alt && 'Alt', chord.shift && 'Shift', chord.meta && 'Meta'].filter((name): name is string => typeof name === 'string');
  return [...names, key].join('+');
}

/** The same chord in the syntax of the `aria-keyshortcuts` attribute, e.g. 'Control+B'. */
export function ariaKeyShortcut(accelerator: string, platform: Platform): string {
  const chord = parseAccelerator(accelerator, platform);
  const key = chord.key === 'SPACE' ? 'Space' : chord.key;
  const names = [chord.ctrl && 'Control', chord.alt && 'Alt', chord.shift && 'Shift', chord.meta && 'Meta'].filter((name): name is string => typeof name === 'string');
  return [...names, key].join('+');
}
