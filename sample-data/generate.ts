/**
 * CLI: `tsx sample-data/generate.ts [--rows N] [--days N] [--junctions N] [--seed N] [--start-date YYYY-MM-DD] [--out PATH]`
 * Without flags it regenerates the committed sample next to this script.
 */

import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DEFAULTS, writeTrafficCsv, type WriteTrafficCsvOptions } from './generator/writeTrafficCsv.js';

const USAGE = `Usage: tsx sample-data/generate.ts [options]
  --rows N              exact number of data rows (overrides --days)
  --days N              days to generate (default ${DEFAULTS.days})
  --junctions N         junctions J01..Jnn, 1-99 (default ${DEFAULTS.junctions})
  --seed N              random seed (default ${DEFAULTS.seed})
  --start-date DATE     first day, YYYY-MM-DD (default ${DEFAULTS.startDate})
  --out PATH            output file (default sample-data/traffic-sample.csv)
  -h, --help            show this help`;

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

function parseCli(argv: readonly string[]): WriteTrafficCsvOptions | 'help' {
  const values = readFlags(argv);
  if (values.help === true) return 'help';
  // process.argv[1] rather than import.meta: works whether the package is ESM or CommonJS.
  const scriptDir = dirname(resolve(process.argv[1] ?? 'sample-data/generate.ts'));
  const options: WriteTrafficCsvOptions = {
    out: values.out === undefined ? join(scriptDir, 'traffic-sample.csv') : resolve(values.out),
  };
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
  let options: WriteTrafficCsvOptions | 'help';
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
    const { rows, bytes } = await writeTrafficCsv(options);
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`${options.out} rows=${rows} bytes=${bytes} seconds=${seconds.toFixed(2)}\n`);
    return 0;
  } catch (error) {
    // Range checks (days=0, junctions=500, bad date) are user input errors too.
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
