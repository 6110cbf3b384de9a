/**
 * In the browser the page never names a file on disk: files arrive as uploads and results leave as
 * downloads. So a command from a WebSocket client may carry a path only if this host issued it for
 * an upload (the path is the capability); commands that write to a path are the host's own, for
 * downloads, and are refused from clients. The search for paths is shared with the desktop shell
 * (shared/commandPaths.ts); the words here are the browser's.
 */
import { checkCommandPaths } from '../../shared/commandPaths';

export { pathsIn } from '../../shared/commandPaths';

const BROWSER_REFUSALS = {
  saves: 'In the browser, results are saved as downloads; this command is not available to the page.',
  tooDeep: 'The arguments are nested too deeply.',
  notGranted: 'In the browser, files are opened by uploading them; this path was not uploaded to this host.',
} as const;

/** Why a client's command is refused, or null when it may go to the engine. */
export function refusePaths(name: string, args: unknown, isUpload: (path: string) => boolean): string | null {
  const refusal = checkCommandPaths(name, args, isUpload);
  return refusal === null ? null : BROWSER_REFUSALS[refusal];
}
