/** What the rest of the engine may use from graph/: other folders import it only through this file. */
export { createGraphHandlers, loadNetworkFile } from './graphHandlers';
export { JunctionGraphFeed } from './junctionGraphFeed';
