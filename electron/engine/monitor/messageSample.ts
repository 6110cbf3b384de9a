/**
 * The first messages of a watched topic as the texts the columns are inferred from. Values that
 * are not text (binary encodings, invalid UTF-8) are left out: they are rejected one by one while
 * watching, and counted here they would decide the format (three Avro messages among five made a
 * JSON topic read as CSV).
 */
import type { BusMessage } from '../bus';
import { messageTexts } from './messageRows';
import { notTextReason } from './messageText';

export interface SampledMessage {
  message: BusMessage<Buffer>;
  /** The rows the message carries, as text (several for a packed JSON array). */
  texts: string[];
}

export function textSample(messages: readonly BusMessage<Buffer>[], topic: string): SampledMessage[] {
  const sampled: SampledMessage[] = [];
  for (const message of messages) {
    const whole = message.value.toString('utf8');
    if (notTextReason(whole) === null) sampled.push({ message, texts: messageTexts(whole) });
  }
  if (sampled.length === 0) {
    throw new Error(`The first ${messages.length} messages on "${topic}" are all binary (Avro, protobuf or the like), not JSON or CSV text; this app reads text messages only.`);
  }
  return sampled;
}
