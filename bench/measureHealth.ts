/**
 * Detector health (electron/engine/health/) against known answers: false flags per location-day
 * on clean files (the sample city, and a generated city with another seed: every flag there is
 * false, as they hold no detector fault; incidents are traffic, not faults), and on a generated
 * file with faults injected (writeTrafficCsv's `faults`) the share of faults flagged: a fault
 * counts as flagged when a flag of the check it must raise (stuck → stuck, missing → gap,
 * spike → spike, negative → negative) is at its junction and overlaps its time. A flag at a
 * junction and time no fault covers is a false flag there.
 *
 * CLI: `tsx bench/measureHealth.ts` prints the table.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { HealthCheck, HealthFlag } from '../shared/health/healthContract';
import { createHealthChecker } from '../electron/engine/health';
import { readSampleRecords, SAMPLE_SCHEMA } from '../electron/engine/testing/sampleCity';
import type { FaultKind, InjectedFault } from '../sample-data/generator/faults';
import { DEFAULTS, writeTrafficCsv } from '../sample-data/generator/writeTrafficCsv';

/** The check each kind of fault must raise. */
export const EXPECTED_CHECK: Record<FaultKind, HealthCheck> = { stuck: 'stuck', missing: 'gap', spike: 'spike', negative: 'negative' };

export interface HealthScore {
  name: string;
  locationDays: number;
  /** Flags raised, including any the list dropped (clean files: all false). */
  flagsRaised: number;
  /** Kept flags at no injected fault's junction and time. */
  falseFlags: number;
  faults: number;
  faultsFlagged: number;
  /** Per kind: [flagged, injected]. */
  byKind: Partial<Record<FaultKind, [number, number]>>;
}

type FlagSpan = Pick<HealthFlag, 'location' | 'check' | 'start' | 'end'>;

const faultTime = (text: string): number => Date.parse(`${text}:00Z`);

/** A flag [start, end] (inclusive) against a fault [start, end) (exclusive), at one location. */
function overlaps(flag: FlagSpan, fault: InjectedFault): boolean {
  return flag.location === fault.junction && flag.start < faultTime(fault.end) && flag.end >= faultTime(fault.start);
}

/** Scores flags against injected faults (none for a clean file). Pure, for the test. */
export function scoreFlags(name: string, flags: readonly FlagSpan[], faults: readonly InjectedFault[], locationDays: number, flagsRaised = flags.length): HealthScore {
  const byKind: Partial<Record<FaultKind, [number, number]>> = {};
  let faultsFlagged = 0;
  for (const fault of faults) {
    const counts = (byKind[fault.kind] ??= [0, 0]);
    counts[1]++;
    if (flags.some((flag) => flag.check === EXPECTED_CHECK[fault.kind] && overlaps(flag, fault))) {
      counts[0]++;
      faultsFlagged++;
    }
  }
  // A clean file's flags are all false, including any the list dropped.
  const falseFlags = faults.length === 0 ? flagsRaised : flags.filter((flag) => !faults.some((fault) => overlaps(flag, fault))).length;
  return { name, locationDays, flagsRaised, falseFlags, faults: faults.length, faultsFlagged, byKind };
}

function checkFile(name: string, file: string, faults: readonly InjectedFault[]): HealthScore {
  const records = readSampleRecords(file, DEFAULTS.startDate);
  const checker = createHealthChecker(SAMPLE_SCHEMA);
  const locationDays = new Set<string>();
  for (const record of records) {
    checker.check(record);
    if (record.time !== null) locationDays.add(`${String(record.values[9])} ${Math.floor(record.time / 86_400_000)}`);
  }
  const view = checker.view();
  return scoreFlags(name, view.flags, faults, locationDays.size, view.counts.flagsRaised);
}

/** The generated files: 20 junctions × 28 days, seeds other than the sample's (42). */
export const CLEAN_SET = { seed: 7, junctions: 20, days: 28 } as const;
export const FAULTED_SET = { seed: 8, junctions: 20, days: 28, faults: { stuck: 5, missing: 5, spike: 5, negative: 5 } } as const;

export async function measureHealth(): Promise<HealthScore[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tm-health-'));
  try {
    const sample = checkFile('sample city (10 junctions × 28 days, clean)', resolve(__dirname, '..', 'sample-data', 'traffic-sample.csv'), []);
    const cleanFile = join(dir, 'clean.csv');
    await writeTrafficCsv({ out: cleanFile, seed: CLEAN_SET.seed, junctions: CLEAN_SET.junctions, days: CLEAN_SET.days, startDate: DEFAULTS.startDate });
    const clean = checkFile(`generated, seed ${CLEAN_SET.seed} (${CLEAN_SET.junctions} junctions × ${CLEAN_SET.days} days, clean)`, cleanFile, []);
    const faultedFile = join(dir, 'faulted.csv');
    const written = await writeTrafficCsv({ out: faultedFile, seed: FAULTED_SET.seed, junctions: FAULTED_SET.junctions, days: FAULTED_SET.days, startDate: DEFAULTS.startDate, faults: { ...FAULTED_SET.faults } });
    const faulted = checkFile(`generated, seed ${FAULTED_SET.seed} (${FAULTED_SET.junctions} junctions × ${FAULTED_SET.days} days, ${written.faults.length} faults injected)`, faultedFile, written.faults);
    return [sample, clean, faulted];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const perDay = (score: HealthScore): string => (score.falseFlags / score.locationDays).toFixed(3);

export function healthTable(scores: readonly HealthScore[]): string {
  const rows = ['| File | False flags per location-day | Faults flagged (by kind) |', '|---|---|---|'];
  for (const score of scores) {
    const kinds = Object.entries(score.byKind).map(([kind, [found, of]]) => `${kind} ${found}/${of}`).join(', ');
    const flagged = score.faults === 0 ? '– (no faults)' : `${score.faultsFlagged}/${score.faults} (${kinds})`;
    rows.push(`| ${score.name} | ${perDay(score)} (${score.falseFlags} in ${score.locationDays}) | ${flagged} |`);
  }
  return rows.join('\n');
}

if (require.main === module) {
  measureHealth().then(
    (scores) => console.log(healthTable(scores)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
