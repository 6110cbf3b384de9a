/**
 * Incident alarms (issue 23) scored against the generator's known incidents: event-level
 * precision, recall and median detection delay of the AlarmDetector (with the road network, and
 * without it, on correlated locations) beside the naive fixed-threshold rule, on the sample city
 * and on generated cities. Scoring rules: see electron/engine/alarms/alarmScoring.ts.
 *
 * Which incidents are scored: those whose junction the detector could judge at the incident's
 * start (a reliable typical day for that kind of day and time); the rest are counted as excluded,
 * and the naive rule is scored on the same incidents. The defaults were tuned on TUNING_SETS (the
 * sample city and seeds 1–3); HELD_OUT_SETS were not looked at while tuning.
 *
 * CLI: `tsx bench/measureAlarms.ts` prints the table; `--tune` runs the grid search used to pick
 * the defaults, on the tuning sets only.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_ALARM_SETTINGS, type Alarm, type AlarmSettings, type AlarmsView } from '../shared/alarms/alarmContract';
import type { TrafficRecord } from '../shared/records';
import { AlarmDetector } from '../electron/engine/alarms/alarmDetector';
import { incidentTime, medianDelayOf, poolScores, precisionOf, recallOf, scoreAlarms, type AlarmScore, type KnownIncident } from '../electron/engine/alarms/alarmScoring';
import { NaiveAlarmRule, type NaiveRuleSettings } from '../electron/engine/alarms/naiveAlarmRule';
import type { NetworkLinks } from '../electron/engine/alarms/networkPeers';
import { profileColumns } from '../electron/engine/profiles/measureReading';
import { readSampleRecords, SAMPLE_COLUMNS } from '../electron/engine/testing/sampleCity';
import type { Incident } from '../sample-data/generator/incidents';
import { DEFAULTS, writeTrafficCsv } from '../sample-data/generator/writeTrafficCsv';

export interface AlarmDataset {
  name: string;
  records: TrafficRecord[];
  incidents: KnownIncident[];
  network: NetworkLinks;
}

export interface GeneratedSet {
  seed: number;
  days: number;
  junctions: number;
}

/** Generated cities: 8 weeks, so weekend days get enough history and each seed adds 3–5 incidents. */
export const TUNING_SETS: readonly GeneratedSet[] = [
  { seed: 1, days: 56, junctions: 10 },
  { seed: 2, days: 56, junctions: 10 },
  { seed: 3, days: 56, junctions: 20 },
];
export const HELD_OUT_SETS: readonly GeneratedSet[] = [
  { seed: 11, days: 56, junctions: 10 },
  { seed: 12, days: 56, junctions: 10 },
  { seed: 13, days: 56, junctions: 10 },
  { seed: 14, days: 56, junctions: 10 },
  { seed: 15, days: 56, junctions: 20 },
  { seed: 16, days: 56, junctions: 20 },
  { seed: 17, days: 56, junctions: 20 },
  { seed: 18, days: 56, junctions: 30 },
  { seed: 19, days: 56, junctions: 30 },
  { seed: 20, days: 84, junctions: 10 },
];

const COLUMNS = profileColumns(SAMPLE_COLUMNS, 'Total');
const BIN_MINUTES = 15;

export function knownIncidents(incidents: readonly Incident[]): KnownIncident[] {
  return incidents.map((incident) => ({ junction: incident.junction, start: incidentTime(incident.start), end: incidentTime(incident.end), neighbours: incident.neighbours }));
}

export function sampleDataset(): AlarmDataset {
  const dir = resolve(__dirname, '..', 'sample-data');
  return {
    name: 'sample city',
    records: readSampleRecords(join(dir, 'traffic-sample.csv'), DEFAULTS.startDate),
    incidents: knownIncidents(JSON.parse(readFileSync(join(dir, 'incidents.json'), 'utf8')) as Incident[]),
    network: JSON.parse(readFileSync(join(dir, 'junction-network.json'), 'utf8')) as NetworkLinks,
  };
}

export async function generatedDataset(set: GeneratedSet, dir: string): Promise<AlarmDataset> {
  const out = join(dir, `seed-${set.seed}.csv`);
  const written = await writeTrafficCsv({ out, seed: set.seed, days: set.days, junctions: set.junctions, startDate: DEFAULTS.startDate });
  return {
    name: `seed ${set.seed} (${set.junctions} junctions, ${set.days} days)`,
    records: readSampleRecords(out, DEFAULTS.startDate),
    incidents: knownIncidents(written.incidents),
    network: written.network,
  };
}

const allAlarms = (view: AlarmsView): Alarm[] => [...view.closed, ...view.active];

export interface DatasetScores {
  name: string;
  detector: AlarmScore;
  detectorNoNetwork: AlarmScore;
  /** With the network, each reading judged alone: moderate departures do not add up (no TUNED_ACCUMULATION). */
  detectorAccumulating: AlarmScore;
  naive: AlarmScore;
}

/** Runs the detector (with and without the network) and the naive rule over one file and scores them. */
export function scoreDataset(dataset: AlarmDataset, settings: Partial<AlarmSettings> = {}, naiveSettings: Partial<NaiveRuleSettings> = {}, withoutNetwork = true): DatasetScores {
  const withNetwork = new AlarmDetector({ columns: COLUMNS, binMinutes: BIN_MINUTES, settings, network: dataset.network });
  const correlated = withoutNetwork ? new AlarmDetector({ columns: COLUMNS, binMinutes: BIN_MINUTES, settings }) : null;
  const accumulating = withoutNetwork ? new AlarmDetector({ columns: COLUMNS, binMinutes: BIN_MINUTES, settings, network: dataset.network, accumulation: null }) : null;
  const naive = new NaiveAlarmRule(COLUMNS, naiveSettings);
  // An incident is scored when the detector judged its junction's row at the incident's start reliably.
  const startsAt = new Map(dataset.incidents.map((incident, i) => [`${incident.junction}@${incident.start}`, i]));
  const judged = new Set<number>();
  for (const record of dataset.records) {
    const deviation = withNetwork.add(record);
    correlated?.add(record);
    accumulating?.add(record);
    naive.add(record);
    const i = startsAt.get(`${String(record.values[COLUMNS.locationIndexes[0] as number])}@${record.time}`);
    if (i !== undefined && deviation?.reliable === true) judged.add(i);
  }
  const scorable = (incident: KnownIncident): boolean => judged.has(dataset.incidents.indexOf(incident));
  const score = (alarms: Alarm[]): AlarmScore => scoreAlarms(alarms, dataset.incidents, scorable);
  const empty = score([]);
  return {
    name: dataset.name,
    detector: score(allAlarms(withNetwork.view())),
    detectorNoNetwork: correlated === null ? empty : score(allAlarms(correlated.view())),
    detectorAccumulating: accumulating === null ? empty : score(allAlarms(accumulating.view())),
    naive: score(allAlarms(naive.view())),
  };
}

export interface GroupFigures {
  group: string;
  files: number;
  incidents: number;
  scorable: number;
  detector: AlarmScore;
  detectorNoNetwork: AlarmScore;
  detectorAccumulating: AlarmScore;
  naive: AlarmScore;
}

function pool(group: string, scores: readonly DatasetScores[]): GroupFigures {
  const detector = poolScores(scores.map((s) => s.detector));
  return {
    group,
    files: scores.length,
    incidents: detector.incidents,
    scorable: detector.scorable,
    detector,
    detectorNoNetwork: poolScores(scores.map((s) => s.detectorNoNetwork)),
    detectorAccumulating: poolScores(scores.map((s) => s.detectorAccumulating)),
    naive: poolScores(scores.map((s) => s.naive)),
  };
}

export interface AlarmMeasurement {
  settings: AlarmSettings;
  naiveSettings: Partial<NaiveRuleSettings>;
  perFile: DatasetScores[];
  groups: GroupFigures[];
}

/** The naive rule's limits, tuned on the tuning sets like the detector's (see --tune). */
export const TUNED_NAIVE: Partial<NaiveRuleSettings> = { belowFraction: 0, aboveMultiple: 5, raiseAfter: 4 };

async function withDatasets<T>(sets: readonly GeneratedSet[], use: (datasets: AlarmDataset[]) => T): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'tm-alarms-'));
  try {
    const datasets: AlarmDataset[] = [];
    for (const set of sets) datasets.push(await generatedDataset(set, dir));
    return use(datasets);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureAlarms(settings: Partial<AlarmSettings> = {}, naiveSettings: Partial<NaiveRuleSettings> = TUNED_NAIVE): Promise<AlarmMeasurement> {
  const tuning = [scoreDataset(sampleDataset(), settings, naiveSettings), ...(await withDatasets(TUNING_SETS, (sets) => sets.map((set) => scoreDataset(set, settings, naiveSettings))))];
  const heldOut = await withDatasets(HELD_OUT_SETS, (sets) => sets.map((set) => scoreDataset(set, settings, naiveSettings)));
  return {
    settings: { ...DEFAULT_ALARM_SETTINGS, ...settings },
    naiveSettings,
    perFile: [...tuning, ...heldOut],
    groups: [pool('sample city', tuning.slice(0, 1)), pool('tuning (sample + seeds 1–3)', tuning), pool(`held out (seeds ${HELD_OUT_SETS.map((s) => s.seed).join(', ')})`, heldOut)],
  };
}

const pct = (x: number): string => (Number.isNaN(x) ? '–' : x.toFixed(2));
const minutes = (x: number): string => (Number.isNaN(x) ? '–' : `${Math.round(x)} min`);

function line(rule: string, score: AlarmScore): string {
  return `| ${rule} | ${pct(precisionOf(score))} (${score.truePositives}/${score.truePositives + score.falsePositives}, ${score.neutral} neutral) | ${pct(recallOf(score))} (${score.detected}/${score.scorable}) | ${minutes(medianDelayOf(score))} |`;
}

export function alarmTable(measurement: AlarmMeasurement): string {
  const rows = ['| Files | Rule | Precision (TP/alarms scored, neutral) | Recall (detected/scored) | Median delay |', '|---|---|---|---|---|'];
  for (const group of measurement.groups) {
    const title = `${group.group}: ${group.files} file${group.files === 1 ? '' : 's'}, ${group.incidents} incidents, ${group.incidents - group.scorable} excluded (before the warm-up)`;
    rows.push(`| **${title}** | | | | |`);
    rows.push(line('detector, network peers', group.detector));
    rows.push(line('detector, correlated peers', group.detectorNoNetwork));
    rows.push(line('detector, network peers, each reading judged alone (no accumulation)', group.detectorAccumulating));
    rows.push(line('naive rule', group.naive));
  }
  return rows.join('\n');
}

/** F-score with precision weighted as much as recall; the targets ask for both ≥ 0.8. */
function f1(score: AlarmScore): number {
  const p = precisionOf(score);
  const r = recallOf(score);
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

/** The grid search behind the defaults, on the tuning sets only. */
export async function tuneAlarms(): Promise<string[]> {
  const report: string[] = [];
  const sample = sampleDataset();
  return withDatasets(TUNING_SETS, (generated) => {
    const sets = [sample, ...generated];
    const results: { label: string; score: AlarmScore }[] = [];
    // A first, wider pass (threshold 3–6, K 2–4, minRelativeChange 0.2–0.5, minSamples 4–7) settled
    // minRelativeChange 0.3; this pass tries the rest around it with minSamples 5. The defaults then
    // took minSamples 7 from the first pass: with threshold 4 and K 4 it scored 8 of 11 scorable
    // incidents with no false alarm, against 9 of 12 with 3 false alarms at minSamples 5.
    for (const threshold of [3.5, 4, 5]) {
      for (const raiseAfter of [3, 4]) {
        for (const confirmed of [2.5, 3, threshold]) {
          const settings = { threshold, raiseAfter, confirmedThreshold: Math.min(confirmed, threshold), minRelativeChange: 0.3, minSamples: 5 };
          const pooled = poolScores(sets.map((set) => scoreDataset(set, settings, TUNED_NAIVE, false).detector));
          results.push({ label: JSON.stringify(settings), score: pooled });
        }
      }
    }
    const naiveResults: { label: string; score: AlarmScore }[] = [];
    // belowFraction 0 switches the low side off: low readings at night swamp it whatever the fraction.
    for (const belowFraction of [0, 0.1]) {
      for (const aboveMultiple of [2.5, 3, 4, 5]) {
        for (const raiseAfter of [3, 4]) {
          const naive = { belowFraction, aboveMultiple, raiseAfter };
          naiveResults.push({ label: JSON.stringify(naive), score: poolScores(sets.map((set) => scoreDataset(set, {}, naive, false).naive)) });
        }
      }
    }
    for (const [name, list] of [['detector', results], ['naive', naiveResults]] as const) {
      report.push(`${name}: best by F1 (precision, recall, median delay)`);
      for (const { label, score } of [...list].sort((a, b) => f1(b.score) - f1(a.score)).slice(0, 8)) {
        report.push(`  ${label}  P ${pct(precisionOf(score))}  R ${pct(recallOf(score))}  delay ${minutes(medianDelayOf(score))}  (${score.truePositives} TP, ${score.falsePositives} FP)`);
      }
    }
    return report;
  });
}

if (require.main === module) {
  const run = process.argv.includes('--tune')
    ? tuneAlarms().then((lines) => lines.join('\n'))
    : measureAlarms().then((measurement) => `${alarmTable(measurement)}\n\nDetector settings: ${JSON.stringify(measurement.settings)}\nNaive rule: ${JSON.stringify(measurement.naiveSettings)}`);
  run.then(
    (text) => console.log(text),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
