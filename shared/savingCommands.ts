/**
 * Commands that write a file where their `path` says. Only the hosts run them, for a path the user
 * chose in a save dialog (desktop) or a temporary file streamed as a download (browser); from the
 * page they are refused in both, so no page can name a file to write.
 */
import type { CommandName } from './contract';

export const SAVING_COMMANDS: ReadonlySet<string> = new Set<CommandName>(['rejected:save', 'sql:export', 'predict:export']);
