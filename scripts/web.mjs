// `npm run web [-- --port N]`: build if needed, then serve the app on 127.0.0.1 for any browser.
import { spawn } from 'node:child_process';
import { buildIfStale } from './buildIfStale.mjs';

buildIfStale();
const root = new URL('..', import.meta.url).pathname;
const child = spawn(process.execPath, [`${root}out/main/webServer.js`, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
