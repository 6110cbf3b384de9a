/**
 * How a bus that carries bytes (Kafka) turns values into message payloads and back. The embedded
 * bus keeps values as objects and needs none.
 */
export interface BusCodec<T> {
  encode(value: T): Buffer | string;
  /** Throws with a plain reason when the payload is not a value of this kind. */
  decode(payload: Buffer, meta: { headers: Record<string, string>; timestamp: number }): T;
  /**
   * A value from its parsed JSON: how rows packed several to a message (see messagePacking.ts)
   * are read. A codec without it reads packed messages whole, through `decode`.
   */
  decodeParsed?(parsed: unknown, meta: { headers: Record<string, string>; timestamp: number }): T;
}

/** A message the consumer received but could not decode: counted and listed, never fatal. */
export interface MalformedMessage {
  partition: number;
  offset: number;
  reason: string;
  /** The start of the payload as text, for the rejected list. */
  text: string;
}
