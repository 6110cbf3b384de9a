/** The File → Open Recent list: newest first, no duplicates, bounded. */
import { MAX_RECENT_FILES } from '../settings/shellSettings';

export function withRecentFile(list: readonly string[], path: string): string[] {
  return [path, ...list.filter((entry) => entry !== path)].slice(0, MAX_RECENT_FILES);
}

export function withoutRecentFile(list: readonly string[], path: string): string[] {
  return list.filter((entry) => entry !== path);
}
