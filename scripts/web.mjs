// `npm run web [-- --port N]`: build if needed, then serve the app on 127.0.0.1 for any browser.
import { buildIfStale } from './buildIfStale.mjs';
import { runChild, webServerPath } from './runChild.mjs';

buildIfStale();
runChild(process.execPath, [webServerPath, ...process.argv.slice(2)]);
