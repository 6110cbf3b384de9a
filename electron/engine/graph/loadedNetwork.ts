/**
 * A road network as the Junction graph panel holds it: the parsed file, the name the panel shows
 * it by, and whether it is the sample city's own network, which gives way when the user opens
 * another file.
 */
import { basename } from 'node:path';
import type { ParsedNetwork } from './networkFile';

export interface LoadedNetwork {
  parsed: ParsedNetwork;
  /** File name shown in the panel. */
  source: string;
  /** The sample city's own network: it goes when another file is opened. */
  sample: boolean;
}

/** The network file's name for the panel. */
export function networkSource(path: string): string {
  return basename(path);
}
