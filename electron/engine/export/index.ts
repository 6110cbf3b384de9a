/** What the rest of the engine may use from export/: other folders import it only through this file. */
export { csvField, csvLine, defuseFormula } from './csvFormat';
