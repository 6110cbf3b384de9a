/** What the rest of the engine may use from windows/: other folders import it only through this file. */
export { locationKey } from './recordLayout';
