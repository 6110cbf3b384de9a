/** The Bus section's form and the `bus:select` selection it stands for. */
import { KAFKA_TOPIC_PATTERN, type BusSelection } from '../../../../shared/kafka/busContract';

export const DEFAULT_TOPIC = 'traffic.replay';

export interface BusForm {
  kind: 'embedded' | 'kafka';
  profileId: string;
  topic: string;
  createTopic: boolean;
  startFrom: 'earliest' | 'latest' | 'timestamp';
  /** `datetime-local` value, read as the user's local time. */
  timestamp: string;
  compression: 'none' | 'gzip';
  /** 1: one message per row. */
  rowsPerMessage: number;
}

export function busFormFrom(selection: BusSelection, firstProfileId: string): BusForm {
  if (selection.kind === 'embedded') {
    return { kind: 'embedded', profileId: firstProfileId, topic: DEFAULT_TOPIC, createTopic: true, startFrom: 'earliest', timestamp: '', compression: 'none', rowsPerMessage: 1 };
  }
  const { startFrom } = selection;
  return {
    kind: 'kafka',
    profileId: selection.profileId,
    topic: selection.topic,
    createTopic: selection.createTopic,
    startFrom: startFrom.kind,
    timestamp: startFrom.kind === 'timestamp' ? toLocalInput(startFrom.timestamp) : '',
    compression: selection.compression,
    rowsPerMessage: selection.rowsPerMessage ?? 1,
  };
}

/** The selection, or what is missing in words. */
export function selectionFromForm(form: BusForm): { ok: true; selection: BusSelection } | { ok: false; message: string } {
  if (form.kind === 'embedded') return { ok: true, selection: { kind: 'embedded' } };
  if (!form.profileId) return { ok: false, message: 'Pick a connection profile (add one above first).' };
  const topic = form.topic.trim();
  if (!KAFKA_TOPIC_PATTERN.test(topic)) return { ok: false, message: 'A topic name uses letters, digits, ".", "_" and "-" (at most 249).' };
  let startFrom: Extract<BusSelection, { kind: 'kafka' }>['startFrom'];
  if (form.startFrom === 'timestamp') {
    const timestamp = new Date(form.timestamp).getTime();
    if (!Number.isFinite(timestamp) || timestamp < 0) return { ok: false, message: 'Pick the date and time to start from.' };
    startFrom = { kind: 'timestamp', timestamp };
  } else {
    startFrom = { kind: form.startFrom };
  }
  return {
    ok: true,
    selection: { kind: 'kafka', profileId: form.profileId, topic, createTopic: form.createTopic, startFrom, compression: form.compression, ...(form.rowsPerMessage > 1 ? { rowsPerMessage: form.rowsPerMessage } : {}) },
  };
}

function toLocalInput(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
