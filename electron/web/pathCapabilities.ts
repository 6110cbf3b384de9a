/**
 * In the browser the page never names a file on disk: files arrive as uploads and results leave as
 * downloads. So a command from a WebSocket client may carry a path only if this host issued it for
 * an upload (the path is the capability); commands that write to a path are the host's own, for
 * downloads, and are refused from clients. Checked here, in one place, for every command, by
 * looking for path-like keys anywhere in the arguments, so a command added later is covered too.
 */
import { SAVING_COMMANDS } from '../../shared/savingCommands';

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

/** Why a client's command is refused, or null when it may go to the engine. */
export function refusePaths(name: string, args: unknown, isUpload: (path: string) => boolean): string | null {
  if (SAVING_COMMANDS.has(name)) return 'In the browser, results are saved as downloads; this command is not available to the page.';
  const paths = pathsIn(args);
  if (paths === null) return 'The arguments are nested too deeply.';
  if (paths.some((path) => !isUpload(path))) {
    return 'In the browser, files are opened by uploading them; this path was not uploaded to this host.';
  }
  return null;
}
