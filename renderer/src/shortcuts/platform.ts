/** Whether CmdOrCtrl means ⌘ (macOS) or Ctrl here; the user agent is all a page can go by. */
import type { Platform } from './accelerator';

export const platform: Platform = /Macintosh|Mac OS X|iPhone|iPad/.test(navigator.userAgent) ? 'mac' : 'other';
