/**
 * Which shortcut, if any, a key press makes. Pure (no DOM), so it is tested in Node; the hook that
 * listens to the page decides whether the shortcut applies where the key was pressed.
 */
import { SHORTCUTS, type Shortcut } from '../../../shared/shell/shortcuts';
import { keyToken, parseAccelerator, type KeyChord, type Platform } from './accelerator';

/** The parts of a KeyboardEvent the match needs. */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const LATIN_LETTER = /^[A-Z]$/;

function sameKey(press: KeyPress, chord: KeyChord): boolean {
  const pressed = keyToken(press.key);
  if (pressed === chord.key) return true;
  // On a non-Latin layout (Cyrillic, Greek…) Ctrl+B gives key 'и'; the physical key is still KeyB,
  // which is what a user of such a layout presses for the shortcut, as in desktop apps.
  return LATIN_LETTER.test(chord.key) && !LATIN_LETTER.test(pressed) && press.code === `Key${chord.key}`;
}

export function matchShortcut(press: KeyPress, platform: Platform, shortcuts: readonly Shortcut[] = SHORTCUTS): Shortcut | undefined {
  return shortcuts.find((shortcut) => {
    const chord = parseAccelerator(shortcut.accelerator, platform);
    return (
      chord.ctrl === press.ctrlKey && chord.meta === press.metaKey && chord.alt === press.altKey && chord.shift === press.shiftKey && sameKey(press, chord)
    );
  });
}
