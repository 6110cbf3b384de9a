/** What browser and web host say to each other over the WebSocket. */
import { z } from 'zod';
import type { EventName } from '../../shared/contract';
import type { Envelope } from '../../shared/envelope';

export const clientMessageSchema = z.object({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  name: z.string().max(64),
  args: z.unknown(),
});
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export type ServerMessage =
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; name: EventName; payload: unknown };
