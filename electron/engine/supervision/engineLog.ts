/**
 * The engine's log: what went wrong where no user is looking (a worker thread that died, a restart).
 * Inside the engine's worker thread the lines cross to the host process (worker.ts sets the sink),
 * which writes them to the desktop app's log file or the web host's stderr, named by their source.
 * Elsewhere (unit tests, the benchmark running the engine in-thread) they go to stderr.
 */
export type LogSink = (source: string, line: string) => void;

let sink: LogSink = (source, line) => console.error(`[${source}] ${line}`);

export function setEngineLogSink(next: LogSink): void {
  sink = next;
}

/** `source` names the part that speaks: "sql worker", "prediction worker", "kafka producer"… */
export function engineLog(source: string, line: string): void {
  sink(source, line);
}
