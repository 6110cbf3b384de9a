/**
 * Which filesystem paths a command from the page carries, and whether it may carry them. Neither
 * host lets the page name a file on disk: a path is accepted only when the host itself granted it
 * (an upload it stored, a file the user picked in a native dialog), and commands that write where
 * their path says are run by the host itself (downloads, save dialogs), never by the page. The
 * arguments are searched for path-like keys anywhere, so a command added later is covered too.
 */
import type { CommandName } from './contract';

/** Commands that write where their path says; each host runs them itself after its own save step. */
export const SAVING_COMMANDS: ReadonlySet<string> = new Set<CommandName>(['rejected:save', 'sql:export', 'predict:export', 'analysis:export']);

/** Arguments nested deeper than any command's schema are refused before they are searched. */
const MAX_DEPTH = 16;

const isPathKey = (key: string): boolean => /path$/i.test(key);

/** Every string found under a path-like key (`path`, `caPath`, …) in `args`; null when too deep to search. */
export function pathsIn(args: unknown, depth = 0): string[] | null {
  if (depth > MAX_DEPTH) return null;
  if (typeof args !== 'object' || args === null) return [];
  const found: string[] = [];
  for (const [key, value] of Object.entries(args)) {
    if (isPathKey(key) && typeof value === 'string') {
      found.push(value);
      continue;
    }
    const inner = pathsIn(value, depth + 1);
    if (inner === null) return null;
    found.push(...inner);
  }
  return found;
}

/** Why the page may not send this command: it saves, it names a path not granted, it is too deep; null when it may. */
export type PathRefusal = 'saves' | 'notGranted' | 'tooDeep' | null;

export function checkCommandPaths(name: string, args: unknown, isGranted: (path: string) => boolean): PathRefusal {
  if (SAVING_COMMANDS.has(name)) return 'saves';
  const paths = pathsIn(args);
  if (paths === null) return 'tooDeep';
  return paths.every(isGranted) ? null : 'notGranted';
}
