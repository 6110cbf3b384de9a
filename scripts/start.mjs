// `npm start`: the desktop app where an Electron binary is installed; otherwise (offline installs
// use ELECTRON_SKIP_BINARY_DOWNLOAD=1) the same app in the browser through the web host.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildIfStale } from './buildIfStale.mjs';
import { runChild, webServerPath } from './runChild.mjs';

buildIfStale();
const root = new URL('..', import.meta.url).pathname;

function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const electron = electronBinary();
const [command, args] = electron
  ? [electron, [root]]
  : [process.execPath, [webServerPath, ...process.argv.slice(2)]];
if (!electron) console.log('No Electron binary is installed here; starting the web host instead. Open the URL below (with its ?token=, this start’s key) in a browser.');
runChild(command, args);
