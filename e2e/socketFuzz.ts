/**
 * Random frames for the web host's socket: bytes, JSON of any shape, messages of the right shape
 * with wrong types, huge sizes, deep nesting and raw garbage after the handshake. A seeded generator
 * makes a failing run repeatable (the seed is printed).
 */
import { connect as connectTcp } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { Rng } from '../sample-data/generator/random';

export type Random = Rng;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const int = (random: Random, max: number): number => Math.floor(random() * max);

function randomString(random: Random, maxLength: number): string {
  const alphabet = ['a', 'Z', '0', ' ', '"', '\\', '\u0000', 'é', '😀', '\ud800', '{', '}', ':', '__proto__', 'constructor'];
  return Array.from({ length: int(random, maxLength) }, () => pick(random, alphabet)).join('');
}

/** Keys never include "path": a random path could make a random file-writing command write one. */
const KEYS = ['sql', 'pageSize', 'location', 'onlyPassing', 'pace', 'id', 'name', 'args', 'type', '__proto__', 'x'];

function randomJson(random: Random, depth: number): unknown {
  const kind = depth <= 0 ? int(random, 5) : int(random, 7);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return pick(random, [0, -1, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1]);
    case 2:
      return random() < 0.5;
    case 3:
      return randomString(random, 40);
    case 4:
      return pick(random, ['', 'invoke', 'result', 'event']);
    case 5:
      return Array.from({ length: int(random, 5) }, () => randomJson(random, depth - 1));
    default:
      return Object.fromEntries(Array.from({ length: int(random, 5) }, () => [random() < 0.7 ? pick(random, KEYS) : randomString(random, 8), randomJson(random, depth - 1)]));
  }
}

/** Commands the fuzz may name: none of them writes a file or opens one without a path. */
const NAMES = ['session:snapshot', 'replay:pause', 'replay:resume', 'replay:stop', 'threshold:set', 'feed:setLocation', 'feed:setOnlyPassing', 'sql:run', 'sql:cancel', 'sql:page', 'no:such', 'constructor', '__proto__', 'toString'];

export interface Frame {
  data: Buffer | string;
  binary: boolean;
}

export function randomFrame(random: Random): Frame {
  const roll = random();
  if (roll < 0.15) return { data: randomBytes(int(random, 4096)), binary: random() < 0.5 };
  if (roll < 0.35) return { data: JSON.stringify(randomJson(random, 4)) ?? 'null', binary: false };
  if (roll < 0.7) {
    const id = random() < 0.8 ? int(random, 1e6) : randomJson(random, 1);
    const name = random() < 0.8 ? pick(random, NAMES) : randomJson(random, 1);
    return { data: JSON.stringify({ type: random() < 0.9 ? 'invoke' : randomJson(random, 0), id, name, args: randomJson(random, 3) }), binary: false };
  }
  if (roll < 0.8) return { data: Buffer.concat([Buffer.from('{"type":"invoke","id":1,"name":"'), randomBytes(int(random, 64))]), binary: false };
  if (roll < 0.88) {
    const depth = 1000 + int(random, 200_000);
    return { data: `${'['.repeat(depth)}${']'.repeat(depth)}`, binary: false };
  }
  if (roll < 0.93) return { data: 'x'.repeat(1024 * 1024 - 16 + int(random, 32)), binary: false };
  if (roll < 0.96) return { data: Buffer.alloc(1_000_000 + int(random, 3_000_000), 0x20), binary: false };
  return { data: JSON.stringify({ type: 'invoke', id: 1, name: 'sql:run', args: { sql: 'x'.repeat(int(random, 300_000)), pageSize: 10 } }), binary: false };
}

/**
 * A client that completes the WebSocket handshake and then writes raw bytes that are no valid
 * frame at all (bad opcodes, reserved bits, unmasked frames, lengths that lie).
 */
export function sendGarbageAfterHandshake(pageUrl: string, random: Random, headers: Record<string, string> = {}): Promise<void> {
  const { hostname, port, search } = new URL(pageUrl);
  return new Promise((resolve) => {
    const socket = connectTcp(Number(port), hostname);
    const extra = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    socket.on('connect', () =>
      socket.write(
        `GET /ws${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n${extra}\r\n`,
      ),
    );
    socket.once('data', () => {
      socket.write(randomBytes(1 + int(random, 2048)));
      setTimeout(() => socket.destroy(), 50);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve());
  });
}
