/**
 * CLI: `tsx sample-data/generate.ts [--rows N] [--days N] [--junctions N] [--seed N] [--start-date YYYY-MM-DD]
 *      [--out PATH] [--network PATH] [--incidents PATH] [--faults PATH]`
 * Without flags it regenerates the committed sample (CSV, network, incidents) next to this script.
 */

import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { MAX_JUNCTIONS } from './generator/cityNetwork.js';
import { DEFAULT_FAULT_COUNTS } from './generator/faults.js';
import { writeJsonFile } from './generator/writeJson.js';
import { DEFAULTS, writeTrafficCsv, type WriteTrafficCsvOptions } from './generator/writeTrafficCsv.js';

const USAGE = `Usage: tsx sample-data/generate.ts [options]
  --rows N              exact number of data rows (overrides --days)
  --days N              days to generate (default ${DEFAULTS.days})
  --junctions N         junctions, 1-${MAX_JUNCTIONS} (default ${DEFAULTS.junctions}: the hand-made sample
                        city; any other N gets a generated grid city, ~3 roads per junction)
  --seed N              random seed for counts and incidents (default ${DEFAULTS.seed})
  --start-date DATE     first day, YYYY-MM-DD (default ${DEFAULTS.startDate})
  --out PATH            CSV file (default sample-data/traffic-sample.csv)
  --network PATH        also write the junction network as JSON (default
                        sample-data/junction-network.json, but only when --out is not given)
  --incidents PATH      also write the incident list as JSON (default
                        sample-data/incidents.json, but only when --out is not given)
  --faults PATH         inject detector faults (${Object.entries(DEFAULT_FAULT_COUNTS)
    .map(([kind, count]) => `${count} ${kind}`)
    .join(', ')}) and write
                        their list as JSON; needs --out, so the sample is never faulted
  -h, --help            show this help

Without --out all three sample files are regenerated; with --out only the CSV is
written unless --network / --incidents ask for the others, so benchmark runs
never overwrite the committed sample.`;

class UsageError extends Error {}

function parseInteger(flag: string, raw: string | undefined, allowNegative = false): number | undefined {
  if (raw === undefined) return undefined;
  const pattern = allowNegative ? /^-?\d+$/ : /^\d+$/;
  const value = Number(raw);
  if (!pattern.test(raw) || !Number.isSafeInteger(value)) {
    throw new UsageError(`--${flag} expects ${allowNegative ? 'an' : 'a non-negative'} integer, got "${raw}"`);
  }
  return value;
}

const FLAGS = {
  rows: { type: 'string' },
  days: { type: 'string' },
  junctions: { type: 'string' },
  seed: { type: 'string' },
  'start-date': { type: 'string' },
  out: { type: 'string' },
  network: { type: 'string' },
  incidents: { type: 'string' },
  faults: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function readFlags(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], strict: true, allowPositionals: false, options: FLAGS }).values;
  } catch (error) {
    // parseArgs throws TypeErrors for unknown flags / missing values; they are usage errors.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

interface CliOptions extends WriteTrafficCsvOptions {
  /** Where to write the network / incidents JSON; undefined = don't. */
  networkOut?: string;
  incidentsOut?: string;
  faultsOut?: string;
}

function parseCli(argv: readonly string[]): CliOptions | 'help' {
  const values = readFlags(argv);
  if (values.help === true) return 'help';
  // process.argv[1] rather than import.meta: works whether the package is ESM or CommonJS.
  const scriptDir = dirname(resolve(process.argv[1] ?? 'sample-data/generate.ts'));
  const isSample = values.out === undefined;
  const sideFile = (flag: string | undefined, name: string): string | undefined =>
    flag !== undefined ? resolve(flag) : isSample ? join(scriptDir, name) : undefined;
  const options: CliOptions = {
    out: isSample ? join(scriptDir, 'traffic-sample.csv') : resolve(values.out as string),
  };
  const networkOut = sideFile(values.network, 'junction-network.json');
  const incidentsOut = sideFile(values.incidents, 'incidents.json');
  if (networkOut !== undefined) options.networkOut = networkOut;
  if (incidentsOut !== undefined) options.incidentsOut = incidentsOut;
  if (values.faults !== undefined) {
    if (isSample) throw new UsageError('--faults needs --out: the committed sample stays free of faults');
    options.faultsOut = resolve(values.faults);
    options.faults = { ...DEFAULT_FAULT_COUNTS };
  }
  const rows = parseInteger('rows', values.rows);
  const days = parseInteger('days', values.days);
  const junctions = parseInteger('junctions', values.junctions);
  const seed = parseInteger('seed', values.seed, true);
  if (rows !== undefined) options.rows = rows;
  if (days !== undefined) options.days = days;
  if (junctions !== undefined) options.junctions = junctions;
  if (seed !== undefined) options.seed = seed;
  if (values['start-date'] !== undefined) options.startDate = values['start-date'];
  return options;
}

async function main(): Promise<number> {
  let options: CliOptions | 'help';
  try {
    options = parseCli(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`generate: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const started = performance.now();
  try {
    const { rows, bytes, network, incidents, faults } = await writeTrafficCsv(options);
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`${options.out} rows=${rows} bytes=${bytes} seconds=${seconds.toFixed(2)}\n`);
    if (options.networkOut !== undefined) {
      await writeJsonFile(options.networkOut, network);
      process.stdout.write(`${options.networkOut} junctions=${network.junctions.length} links=${network.links.length}\n`);
    }
    if (options.incidentsOut !== undefined) {
      await writeJsonFile(options.incidentsOut, incidents);
      process.stdout.write(`${options.incidentsOut} incidents=${incidents.length}\n`);
    }
    if (options.faultsOut !== undefined) {
      await writeJsonFile(options.faultsOut, faults);
      process.stdout.write(`${options.faultsOut} faults=${faults.length}\n`);
    }
    return 0;
  } catch (error) {
    // Range checks (days=0, junctions=0 or 20000, bad date) are user input errors too.
    if (error instanceof RangeError) {
      process.stderr.write(`generate: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`generate: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

// No top-level await: under a CommonJS package.json tsc would reject it.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`generate: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
