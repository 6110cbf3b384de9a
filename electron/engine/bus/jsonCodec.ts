import type { BusCodec } from './busCodec';

/** Values as JSON text: what other Kafka tools show and write most readily. */
export function jsonCodec<T>(): BusCodec<T> {
  return {
    encode: (value) => JSON.stringify(value),
    decode: (payload) => JSON.parse(payload.toString('utf8')) as T,
    decodeParsed: (parsed) => parsed as T,
  };
}
