/** The "Watch a Kafka topic" form and the `monitor:start` request it stands for. */
import type { MONITOR_FORMATS} from '../../../../shared/kafka/busContract';
import { KAFKA_TOPIC_PATTERN, type MonitorRequest, type StartFrom } from '../../../../shared/kafka/busContract';

export type MonitorFormat = (typeof MONITOR_FORMATS)[number];

export const FORMAT_LABELS: Record<MonitorFormat, string> = {
  auto: 'Detect from the first messages',
  json: 'JSON objects',
  csv: 'CSV lines',
};

export interface MonitorForm {
  profileId: string;
  topic: string;
  startFrom: StartFrom['kind'];
  /** `datetime-local` value, read as the user's local time. */
  timestamp: string;
  format: MonitorFormat;
}

export const emptyMonitorForm = (profileId = '', topic = ''): MonitorForm => ({ profileId, topic, startFrom: 'earliest', timestamp: '', format: 'auto' });

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * A `datetime-local` value as epoch ms in the user's zone, or null when it is not a real moment.
 * Parsed by hand: `Date.parse` on zone-less strings has differed between engines.
 */
export function localInputToEpoch(value: string): number | null {
  const match = LOCAL_INPUT.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const millis = Number((match[7] ?? '').padEnd(3, '0'));
  // Day 0 of the next month is the last day of this one.
  const daysInMonth = new Date(year, month, 0).getDate();
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return null;
  const ms = new Date(year, month - 1, day, hour, minute, second, millis).getTime();
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

/** Epoch ms as a `datetime-local` value in the user's zone (seconds only when they are not zero). */
export function epochToLocalInput(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const base = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return date.getSeconds() === 0 ? base : `${base}:${pad(date.getSeconds())}`;
}

/** The request, or what is missing in words. */
export function monitorRequestFromForm(form: MonitorForm): { ok: true; request: MonitorRequest } | { ok: false; message: string } {
  if (!form.profileId) return { ok: false, message: 'Pick a connection profile.' };
  const topic = form.topic.trim();
  if (topic === '') return { ok: false, message: 'Name the topic to watch.' };
  if (!KAFKA_TOPIC_PATTERN.test(topic)) return { ok: false, message: 'A topic name uses letters, digits, ".", "_" and "-" (at most 249).' };
  let startFrom: StartFrom;
  if (form.startFrom === 'timestamp') {
    const timestamp = localInputToEpoch(form.timestamp);
    if (timestamp === null) return { ok: false, message: 'Pick the date and time to start from.' };
    startFrom = { kind: 'timestamp', timestamp };
  } else {
    startFrom = { kind: form.startFrom };
  }
  return { ok: true, request: { profileId: form.profileId, topic, startFrom, format: form.format } };
}
