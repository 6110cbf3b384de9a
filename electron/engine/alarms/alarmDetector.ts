/**
 * Incident alarms from the typical day (issue 23). Each row's main measure is judged against its
 * location's typical day for that kind of day and time of day (DayKindProfile, in robust units
 * from deviationFrom); `raiseAfter` departing intervals in a row raise an alarm, `clearAfter`
 * intervals back within the band clear it (DepartureRun). An alarm is 'high' confidence once a
 * peer — a junction one road away when a network is given, else a location whose readings
 * correlate with this one's — departs too within `peerWindow` intervals of its run.
 *
 * Cost: a row is a few map lookups, one TypicalDay store and one quantile lookup (bins re-sort
 * once a day), and a look at each of its peers' last departure times while an alarm is active:
 * O(1) amortised, with the correlated-peer learning bounded as described there. Memory: the
 * typical days' fixed rings, a few numbers per location, and at most `closedCap` closed alarms.
 */
import { DEFAULT_ALARM_SETTINGS, type Alarm, type AlarmDirection, type AlarmSettings, type AlarmsView } from '../../../shared/alarms/alarmContract';
import type { Deviation } from '../../../shared/profiles/profileContract';
import type { TrafficRecord } from '../../../shared/records';
import { CadenceEstimator } from '../profiles';
import { locationOf, readingOf, type DeviationOptions, type ProfileColumns } from '../profiles';
import { runToAlarm } from './runToAlarm';
import { ClosedAlarms } from './closedAlarms';
import { CorrelatedPeers } from './correlatedPeers';
import { DayKindProfile, type KindDeviation } from './dayKindProfile';
import { DepartureRun, type Accumulation, type Judgement, type OpenRun } from './departureRun';
import { networkPeers, type NetworkLinks } from './networkPeers';

export interface AlarmDetectorOptions {
  columns: ProfileColumns;
  /** Width of the typical day's bins; binMinutesFor(cadence) of the file. */
  binMinutes: number;
  settings?: Partial<AlarmSettings>;
  /** The road network; without it peers are correlated locations. */
  network?: NetworkLinks | null;
  /** Readings kept per bin of each typical day (TypicalDay's default when omitted). */
  capacity?: number;
  /**
   * Let moderate departures add up (see Accumulation); TUNED_ACCUMULATION when omitted, null for
   * runs of `threshold` departures only.
   */
  accumulation?: Accumulation | null;
}

/**
 * The accumulation tuned on the tuning sets (bench/measureAlarms.ts): readings ≥ 3 robust units
 * out whose excess over 3 adds up to 4 (e.g. four intervals averaging 4 where some dip under 4).
 * The default since Fridays have a typical day of their own (dayKindProfile.ts): pooled with
 * Monday–Thursday, Friday's earlier evening rush read as a departure and this raised false alarms
 * on Friday afternoons. The bench's "each reading judged alone" row shows the detector without it.
 */
export const TUNED_ACCUMULATION: Accumulation = { lean: 3, level: 4 };

/** A gap longer than this many cadences breaks "intervals in a row". */
const GAP_CADENCES = 1.5;

interface LocationState {
  run: DepartureRun;
  lastTime: number | null;
  /** Event time of the latest reading past peerThreshold, per direction (peers read these). */
  lastAbove: number;
  lastBelow: number;
  /** The active alarm's id and its confirming peers. */
  alarmId: number | null;
  confirmedBy: Map<string, AlarmDirection>;
}

export class AlarmDetector {
  readonly settings: AlarmSettings;
  private readonly columns: ProfileColumns;
  private readonly profile: DayKindProfile;
  private cadence = new CadenceEstimator();
  private readonly locations = new Map<string, LocationState>();
  private readonly network: Map<string, string[]> | null;
  private correlated: CorrelatedPeers | null;
  private readonly closed: ClosedAlarms;
  private readonly accumulation: Accumulation | null;
  /** Asked on every row: one object, not one per row. */
  private readonly deviationOptions: DeviationOptions;
  /** judge's answer, refilled on every row (DepartureRun copies what it keeps). */
  private readonly judgement: Judgement = { time: 0, departing: null, strong: true, backWithin: false, score: 0, value: 0, typical: 0 };
  private nextId = 0;

  constructor(options: AlarmDetectorOptions) {
    this.settings = { ...DEFAULT_ALARM_SETTINGS, ...options.settings };
    this.deviationOptions = { minSamples: this.settings.minSamples };
    this.columns = options.columns;
    this.profile = new DayKindProfile(options.columns, options.binMinutes, options.capacity);
    this.network = options.network ? networkPeers(options.network) : null;
    this.correlated = this.network === null && this.settings.correlatedPeers > 0 ? new CorrelatedPeers({ topN: this.settings.correlatedPeers }) : null;
    this.closed = new ClosedAlarms(this.settings.closedCap);
    this.accumulation = options.accumulation === undefined ? TUNED_ACCUMULATION : options.accumulation;
  }

  /** Judges a row and updates the alarms; returns the row's deviation (null: no number, no time or no history yet). */
  add(record: TrafficRecord): Deviation | null {
    const value = readingOf(record, this.columns);
    if (value === null) return null;
    const time = record.time as number;
    const location = locationOf(record, this.columns);
    this.cadence.observe(location, time);
    this.correlated?.observe(location, time, value);
    this.profile.add(record);
    const deviation = this.profile.deviationAt(location, time, value, this.deviationOptions);
    const state = this.stateOf(location);
    const cadence = this.cadence.cadenceMs;
    const gap = state.lastTime !== null && cadence !== null && time - state.lastTime > GAP_CADENCES * cadence;
    if (state.lastTime === null || time > state.lastTime) state.lastTime = time;
    if (deviation === null || !deviation.reliable) return deviation;

    if (deviation.score >= this.settings.peerThreshold) state.lastAbove = time;
    if (deviation.score <= -this.settings.peerThreshold) state.lastBelow = time;
    const event = state.run.observe(this.judge(location, deviation, time, state.run.active?.direction ?? null), gap);
    if (event?.kind === 'raised') {
      state.alarmId = this.nextId++;
      state.confirmedBy = new Map();
    }
    const active = state.run.active;
    if (active !== null) this.confirm(location, state, active);
    if (event?.kind === 'cleared') {
      this.confirm(location, state, event.run);
      this.closed.add(this.toAlarm(location, state, event.run, event.end));
      state.alarmId = null;
    }
    return deviation;
  }

  view(): AlarmsView {
    const active: Alarm[] = [];
    for (const [location, state] of this.locations) {
      const run = state.run.active;
      if (run !== null) active.push(this.toAlarm(location, state, run, null));
    }
    active.sort((a, b) => a.id - b.id);
    return {
      measure: this.columns.measureName,
      active,
      closed: this.closed.list(),
      closedDropped: this.closed.dropped,
      peers: this.network !== null ? 'network' : this.correlated !== null ? 'correlation' : 'none',
    };
  }

  /** Forgets everything learnt (a new file). */
  reset(): void {
    this.locations.clear();
    this.profile.reset();
    this.closed.clear();
    this.cadence = new CadenceEstimator();
    if (this.correlated !== null) this.correlated = new CorrelatedPeers({ topN: this.settings.correlatedPeers });
    this.nextId = 0;
  }

  private judge(location: string, deviation: KindDeviation, time: number, activeDirection: AlarmDirection | null): Judgement {
    const { score, value, median, p10, p90 } = deviation;
    const direction: AlarmDirection = score >= 0 ? 'above' : 'below';
    const relative = median > 0 ? Math.abs(value - median) / median : Number.POSITIVE_INFINITY;
    const { threshold, confirmedThreshold } = this.settings;
    const far = Math.abs(score) >= threshold || (Math.abs(score) >= confirmedThreshold && this.peerDepartedNear(location, direction, time));
    // Moderate departures add up only against the row's own kind of day (see DayKindProfile).
    const leans = far || (this.accumulation !== null && deviation.ownKind && Math.abs(score) >= this.accumulation.lean);
    const departs = leans && relative >= this.settings.minRelativeChange && this.settings.directions.includes(direction);
    const judgement = this.judgement;
    judgement.time = time;
    judgement.departing = departs ? direction : null;
    judgement.strong = far;
    judgement.backWithin = activeDirection === 'below' ? value >= p10 : value <= p90;
    judgement.score = score;
    judgement.value = value;
    judgement.typical = median;
    return judgement;
  }

  /** Whether a peer departed (in a direction peerDirection accepts) within peerWindow intervals up to `time`. */
  private peerDepartedNear(location: string, direction: AlarmDirection, time: number): boolean {
    const from = time - this.settings.peerWindow * (this.cadence.cadenceMs ?? 0);
    const wanted = this.settings.peerDirection;
    for (const peer of this.peersOf(location)) {
      const other = this.locations.get(peer);
      if (other === undefined) continue;
      const same = direction === 'above' ? other.lastAbove : other.lastBelow;
      const opposite = direction === 'above' ? other.lastBelow : other.lastAbove;
      if (wanted !== 'opposite' && same >= from) return true;
      if (wanted !== 'same' && opposite >= from) return true;
    }
    return false;
  }

  private peersOf(location: string): readonly string[] {
    return this.network !== null ? (this.network.get(location) ?? []) : (this.correlated?.peersOf(location) ?? []);
  }

  /** Adds the peers whose last departure falls within peerWindow intervals of the run. */
  private confirm(location: string, state: LocationState, run: OpenRun): void {
    const cadence = this.cadence.cadenceMs ?? 0;
    const from = run.start - this.settings.peerWindow * cadence;
    const to = run.lastDeparting + this.settings.peerWindow * cadence;
    const wanted = this.settings.peerDirection;
    const opposite: AlarmDirection = run.direction === 'above' ? 'below' : 'above';
    for (const peer of this.peersOf(location)) {
      if (state.confirmedBy.has(peer)) continue;
      const other = this.locations.get(peer);
      if (other === undefined) continue;
      for (const direction of ['above', 'below'] as const) {
        if (wanted === 'same' && direction !== run.direction) continue;
        if (wanted === 'opposite' && direction !== opposite) continue;
        const at = direction === 'above' ? other.lastAbove : other.lastBelow;
        if (at >= from && at <= to) {
          state.confirmedBy.set(peer, direction);
          break;
        }
      }
    }
  }

  private toAlarm(location: string, state: LocationState, run: OpenRun, end: number | null): Alarm {
    const peers = [...state.confirmedBy].map(([peer, direction]) => ({ location: peer, direction })).sort((x, y) => (x.location < y.location ? -1 : 1));
    const peerKind = this.network !== null ? 'neighbours' : 'correlated locations';
    return runToAlarm(run, { id: state.alarmId ?? -1, location, measure: this.columns.measureName, end, peakScore: run.peakScore, peerKind, peers });
  }

  private stateOf(location: string): LocationState {
    let state = this.locations.get(location);
    if (state === undefined) {
      state = {
        run: new DepartureRun(this.settings.raiseAfter, this.settings.clearAfter, this.accumulation),
        lastTime: null,
        lastAbove: Number.NEGATIVE_INFINITY,
        lastBelow: Number.NEGATIVE_INFINITY,
        alarmId: null,
        confirmedBy: new Map(),
      };
      this.locations.set(location, state);
    }
    return state;
  }
}
