// Runs the app's process in the foreground: inherits the terminal, passes Ctrl+C on, exits with it.
import { spawn } from 'node:child_process';

export const webServerPath = new URL('../out/main/webServer.js', import.meta.url).pathname;

export function runChild(command, args) {
  const child = spawn(command, args, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
