/**
 * What a `.catch` does with an error the engine does not pass on, named so each use says why:
 * logged when it should leave a trace (a settings file not saved), ignored only when it cannot
 * matter (a client being let go) or when the error reaches someone else by another path.
 */
import { engineLog } from './engineLog';

/** Work whose failure costs the user nothing now (a convenience, tried again later) but must leave a trace. */
export function logFailure(source: string, doing: string): (error: unknown) => void {
  return (error) => engineLog(source, `${doing}: ${error instanceof Error ? error.message : String(error)}`);
}

/** A client, reader or connection being let go: its failing to close cleanly changes nothing, it is dropped either way. */
export function closingAnyway(): void {
  // Nothing to do: see above.
}

/** A promise whose failure its own awaiter (or the next attempt) receives and reports; this copy only keeps it from being unhandled. */
export function handledElsewhere(): void {
  // Nothing to do: see above.
}
