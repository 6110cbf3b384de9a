/**
 * The engine behind HTTP + WebSocket on 127.0.0.1: serves the built renderer, accepts uploads and
 * relays commands and view updates. It is how the app runs without Electron or a display, and how
 * the end-to-end tests drive the real engine and the real UI.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import sirv from 'sirv';
import { WebSocketServer, type WebSocket } from 'ws';
import { isEngineCommandName, isShellCommandName, type EngineCommandName } from '../../shared/contract';
import type { Envelope, ErrorCode } from '../../shared/envelope';
import { EngineWorkerHost } from '../engine/client';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';
import { checkAccess, createSecret } from './accessCheck';
import { decodeClientMessage } from './clientMessage';
import { DOWNLOAD_PATHS, DownloadTickets, isDownloadPath, TICKET_PARAMETER } from './downloadTickets';
import { endFailedRequest } from './failedRequest';
import { ClientLink } from './clientLink';
import { pathsIn, refusePaths } from './pathCapabilities';
import { SOCKET_PATH, type ServerMessage } from '../../shared/socketProtocol';
import { DEFAULT_MAX_UPLOAD_MB, UploadStore, UploadTooLargeError } from './uploadStore';
import { runUploadFolder, sweepStaleUploads } from './uploadSweep';

export interface WebHostOptions {
  port: number;
  rendererDir: string;
  workerPath: string;
  sampleCsvPath: string;
  dataDir: string;
  /** Browsers connected at once; a desktop-style app needs a handful. */
  maxClients?: number;
  /** The largest upload accepted, in MB (1024 × 1024 bytes). */
  maxUploadMegabytes?: number;
  /** How long an upload may send nothing before it is cut off (tests shorten it). */
  uploadIdleMs?: number;
}

const LOOPBACK = '127.0.0.1';
/** Downloads refused because of what the user asked for (no file open, a replaced result), not a fault. */
const CLIENT_ERRORS: ReadonlySet<ErrorCode> = new Set(['NO_FILE', 'BAD_STATE', 'INVALID_ARGS']);
/** What one browser may have waiting unsent (see ClientLink): updates are skipped, replies end the link. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
/** All clients together: past this, view updates wait for the slowest to catch up. */
const MAX_TOTAL_BUFFERED_BYTES = 32 * 1024 * 1024;
/** Requests one client may have with the engine before its socket is no longer read. */
const MAX_IN_FLIGHT = 32;
export const DEFAULT_MAX_CLIENTS = 16;
/** An upload that sends nothing for this long has stalled (a browser reading a local file never pauses that long). */
export const UPLOAD_IDLE_MS = 60_000;
/**
 * The largest messages a page sends are a query of at most SQL_MAX_LENGTH characters and a Kafka
 * profile with three TLS files of at most PEM_MAX_BYTES each; 1 MiB leaves room for both.
 */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/** Commands that open something that is no upload in place of what another command opened. */
const REPLACES_UPLOAD_OF: Partial<Record<EngineCommandName, EngineCommandName>> = { 'file:openSample': 'file:open' };

export class WebHost {
  private server: Server | null = null;
  private sockets: WebSocketServer | null = null;
  private readonly links = new Set<ClientLink>();
  /** Uploaded files and the paths issued for them: the only paths a client's command may name. */
  private readonly uploads: UploadStore;
  private readonly engine: EngineWorkerHost;
  private port = 0;
  /** Made anew at every start: only who can read the printed URL can use this host. */
  private readonly secret = createSecret();
  private readonly tickets = new DownloadTickets();
  private stage: 'running' | 'closing connections' | 'stopping the engine' | 'stopped' = 'running';

  constructor(private readonly options: WebHostOptions) {
    this.engine = new EngineWorkerHost(options.workerPath, { sampleCsvPath: options.sampleCsvPath, dataDir: options.dataDir });
    this.uploads = new UploadStore(runUploadFolder(join(options.dataDir, 'uploads')), options.maxUploadMegabytes ?? DEFAULT_MAX_UPLOAD_MB);
  }

  /** This process's own: what a killed host leaves here, the next start removes (see uploadSweep.ts). */
  private get downloadFolder(): string {
    return runUploadFolder(join(this.options.dataDir, 'downloads'));
  }

  /** What `stop()` is waiting for, for the message when a shutdown overruns its deadline. */
  get stopStage(): string {
    return this.stage;
  }

  get url(): string {
    return `http://${LOOPBACK}:${this.port}/`;
  }

  /** The address to open: the page with this start's secret, which it then keeps in a cookie. */
  get launchUrl(): string {
    return `${this.url}?token=${this.secret}`;
  }

  /** Parses the request's target against this host; null for one that is no URL at all. */
  private requestUrl(request: IncomingMessage): URL | null {
    try {
      return new URL(request.url ?? '/', this.url);
    } catch {
      return null;
    }
  }

  async start(): Promise<string> {
    this.engine.start();
    // The data folder outlives the host: copies a killed host could not remove go now.
    await sweepStaleUploads(join(this.options.dataDir, 'uploads')).catch((error: Error) => console.warn(`Could not remove old uploads: ${error.message}`));
    // So do the downloads a killed host was writing or streaming (a rejected-rows file can be gigabytes).
    await sweepStaleUploads(join(this.options.dataDir, 'downloads')).catch((error: Error) => console.warn(`Could not remove old downloads: ${error.message}`));
    const assets = sirv(this.options.rendererDir, { etag: true, single: true, dev: false });
    // Node cuts any request still arriving after 5 minutes (requestTimeout): a 20 GB upload from a
    // slow disk was ended with a bare 408 however steadily it came. Uploads are bounded by how long
    // they stall instead (UPLOAD_IDLE_MS); headers still have Node's 60 s headersTimeout.
    const server = createServer({ requestTimeout: 0 }, (request, response) => {
      response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      response.setHeader('X-Content-Type-Options', 'nosniff');
      // The page's address may hold the secret (?token=): no request of the page names it to anyone.
      response.setHeader('Referrer-Policy', 'no-referrer');
      const url = this.requestUrl(request);
      // A download the page asked a ticket for carries the ticket instead of the secret (downloadTickets.ts).
      const ticketed = url !== null && isDownloadPath(url.pathname) && url.searchParams.has(TICKET_PARAMETER);
      const needs = url?.pathname.startsWith('/api/') && !ticketed ? 'secret' : 'page';
      let verdict = url ? checkAccess(request, url, this.port, this.secret, needs) : ({ ok: false, status: 403, reason: 'Bad request' } as const);
      if (verdict.ok && ticketed && !this.tickets.redeem(url)) {
        verdict = { ok: false, status: 401, reason: 'This download link was used already, is over a minute old, or names another download: press Export again in Traffic Monitor.' };
      }
      if (!url || !verdict.ok) {
        response.writeHead(verdict.ok ? 400 : verdict.status, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end(verdict.ok ? 'Bad request' : verdict.reason);
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        this.handleApi(request, url, response).catch((error: unknown) => endFailedRequest(response, `${request.method ?? 'GET'} ${url.pathname}`, error));
        return;
      }
      // The page with ?token= takes the secret into its own storage and drops it from the address.
      if (url.searchParams.has('token')) response.setHeader('Cache-Control', 'no-store');
      assets(request, response, () => {
        response.statusCode = 404;
        response.end('Not found');
      });
    });
    // ws closes a frame over maxPayload itself (1009) before reading it; UTF-8 is checked in
    // decodeClientMessage instead of by ws so that the close can give a reason.
    const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, skipUTF8Validation: true });
    server.on('upgrade', (request, socket, head) => {
      socket.on('error', () => socket.destroy());
      const url = this.requestUrl(request);
      const verdict = url ? checkAccess(request, url, this.port, this.secret) : ({ ok: false, status: 403, reason: 'Bad request' } as const);
      if (!verdict.ok || url?.pathname !== SOCKET_PATH) {
        const [status, reason] = verdict.ok ? [404, 'Not found'] : [verdict.status, verdict.reason];
        const statusText = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status];
        socket.end(`HTTP/1.1 ${status} ${statusText}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`);
        return;
      }
      const maxClients = this.options.maxClients ?? DEFAULT_MAX_CLIENTS;
      if (sockets.clients.size >= maxClients) {
        const body = `Traffic Monitor serves at most ${maxClients} connections at once; close another tab first.`;
        socket.end(`HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
        return;
      }
      sockets.handleUpgrade(request, socket, head, (client) => this.attach(client));
    });
    this.engine.onEvent((name, payload) => {
      const message = JSON.stringify({ type: 'event', name, payload } satisfies ServerMessage);
      let total = 0;
      for (const link of this.links) total += link.bufferedBytes;
      for (const link of this.links) {
        if (total + message.length > MAX_TOTAL_BUFFERED_BYTES) break;
        if (link.offer(message)) total += message.length;
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, LOOPBACK, () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    this.sockets = sockets;
    return this.launchUrl;
  }

  private attach(client: WebSocket): void {
    const link = new ClientLink(client, { maxBufferedBytes: MAX_BUFFERED_BYTES, maxInFlight: MAX_IN_FLIGHT });
    this.links.add(link);
    client.on('close', () => this.links.delete(link));
    // ws has already closed the socket (1009 too big, 1002 broken frame) when it emits this; an
    // unheard 'error' would take the whole host down with it.
    client.on('error', (error) => console.warn(`Closed a WebSocket client: ${error.message}`));
    client.on('message', (data, isBinary) => {
      const decoded = decodeClientMessage(data, isBinary);
      if (!decoded.ok) return client.close(decoded.code, decoded.reason);
      const { id, name, args } = decoded.message;
      const reply = (envelope: Envelope<unknown>): void => link.deliver(JSON.stringify({ type: 'result', id, envelope } satisfies ServerMessage));
      // The desktop shell's own commands (native dialogs, the native theme) have no meaning here.
      if (isShellCommandName(name)) {
        reply({ ok: false, error: { code: 'NOT_SUPPORTED', message: `${name} exists only in the desktop app; in the browser, files are uploaded and results downloaded.` } });
        return;
      }
      if (!isEngineCommandName(name)) {
        reply({ ok: false, error: { code: 'UNKNOWN_COMMAND', message: `Unknown command: ${name}` } });
        return;
      }
      const refused = refusePaths(name, args, (path) => this.uploads.isIssued(path));
      if (refused !== null) {
        reply({ ok: false, error: { code: 'INVALID_ARGS', message: refused } });
        return;
      }
      link.requestStarted();
      const named = (pathsIn(args) ?? []).filter((path) => this.uploads.isIssued(path));
      for (const path of named) this.uploads.commandStarted(path);
      // Arguments the worker cannot take (postMessage throws) answer this one request, not crash the host.
      void this.engine
        .invoke(name, args)
        .catch((error: Error): Envelope<unknown> => ({ ok: false, error: { code: 'INVALID_ARGS', message: `Could not pass the arguments to the engine: ${error.message}` } }))
        .then(async (envelope) => {
          // Only after the engine moved to the new upload may the one it replaces go.
          if (envelope.ok) await this.holdUploads(name, args);
          // An upload the command did not take (a failed open) goes now; the page uploads afresh to try again.
          for (const path of named) await this.uploads.commandEnded(path).catch((error: Error) => console.warn(`Could not remove an unused upload: ${error.message}`));
          link.requestEnded();
          reply(envelope);
        });
    });
  }

  /** After a command succeeded: which upload its use now works on, so a replaced one can go. */
  private async holdUploads(name: EngineCommandName, args: unknown): Promise<void> {
    const upload = pathsIn(args)?.find((path) => this.uploads.isIssued(path)) ?? null;
    const use = REPLACES_UPLOAD_OF[name] ?? name;
    if (upload === null && REPLACES_UPLOAD_OF[name] === undefined) return;
    await this.uploads.hold(use, upload).catch((error: Error) => console.warn(`Could not remove a replaced upload: ${error.message}`));
  }

  private async handleApi(request: IncomingMessage, url: URL, response: ServerResponse): Promise<void> {
    const send = (status: number, body: unknown): void => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/api/upload' && request.method === 'POST') {
      const idleMs = this.options.uploadIdleMs ?? UPLOAD_IDLE_MS;
      request.setTimeout(idleMs, () => request.destroy(new Error(`The upload sent nothing for ${Math.round(idleMs / 1000)} s.`)));
      try {
        return send(200, { path: await this.uploads.save(request, url.searchParams.get('name') ?? 'upload.csv') });
      } catch (error) {
        if (error instanceof UploadTooLargeError) return send(413, { error: error.message });
        // A browser that gave up hears nothing; anyone still listening learns why.
        if (!response.headersSent && !response.destroyed) send(500, { error: `Upload failed: ${(error as Error).message}` });
        return;
      }
    }
    if (url.pathname === '/api/download-ticket' && request.method === 'POST') return this.sendDownloadTicket(url, send);
    // The page asks whether the secret it holds is this start's (past the access check, it is).
    if (url.pathname === '/api/session' && request.method === 'GET') return send(200, { ok: true });
    if (url.pathname === '/api/rejected.csv' && request.method === 'GET') return this.sendRejectedRows(request, response, send);
    if (url.pathname === '/api/sql-export.csv' && request.method === 'GET') return this.sendQueryResult(request, url, response, send);
    if (url.pathname === '/api/predict-export.csv' && request.method === 'GET') return this.sendPredictExport(request, url, response, send);
    if (url.pathname === '/api/analysis-export.csv' && request.method === 'GET') return this.sendAnalysisExport(request, url, response, send);
    send(404, { error: 'Unknown endpoint' });
  }

  /** A one-use ticket for the download `?for=` names (the page asks with the secret in a header). */
  private sendDownloadTicket(url: URL, send: (status: number, body: unknown) => void): void {
    const target = url.searchParams.get('for');
    let ticket: string | null = null;
    try {
      ticket = target === null ? null : this.tickets.issue(new URL(target, this.url));
    } catch {
      // Not an address at all: answered below like any address that names no download.
    }
    if (ticket === null) return send(400, { error: `Say which download the ticket is for: for= one of ${DOWNLOAD_PATHS.join(', ')}.` });
    send(200, { ticket });
  }

  /** The browser's "save all rejected rows": the engine writes them to a file that is streamed back. */
  private sendRejectedRows(request: IncomingMessage, response: ServerResponse, send: (status: number, body: unknown) => void): Promise<void> {
    return this.sendEngineFile(request, response, send, 'rejected-rows.csv', (path) => this.engine.invoke('rejected:save', { path }));
  }

  /** The browser's "Export CSV" of a query result: the engine re-runs the query into a file that is streamed back. */
  private sendQueryResult(request: IncomingMessage, url: URL, response: ServerResponse, send: (status: number, body: unknown) => void): Promise<void> {
    const queryId = Number(url.searchParams.get('queryId'));
    return this.sendEngineFile(request, response, send, 'query-result.csv', (path) => this.engine.invoke('sql:export', { queryId, path }));
  }

  /** The browser's "Export forecasts" / "Export anomalies": the prediction worker writes the file that is streamed back. */
  private sendPredictExport(request: IncomingMessage, url: URL, response: ServerResponse, send: (status: number, body: unknown) => void): Promise<void> {
    const what = url.searchParams.get('what');
    if (what !== 'forecasts' && what !== 'anomalies') {
      send(400, { error: 'Say what to export: what=forecasts or what=anomalies.' });
      return Promise.resolve();
    }
    return this.sendEngineFile(request, response, send, `${what}.csv`, (path) => this.engine.invoke('predict:export', { what, path }));
  }

  /** The browser's "Export flags CSV" / "Export alarms CSV": the analysis stage writes the file that is streamed back. */
  private sendAnalysisExport(request: IncomingMessage, url: URL, response: ServerResponse, send: (status: number, body: unknown) => void): Promise<void> {
    const what = url.searchParams.get('what');
    if (what !== 'flags' && what !== 'alarms') {
      send(400, { error: 'Say what to export: what=flags or what=alarms.' });
      return Promise.resolve();
    }
    return this.sendEngineFile(request, response, send, `${what}.csv`, (path) => this.engine.invoke('analysis:export', { what, path }));
  }

  /** Lets the engine write a download to a temporary file, streams it, then removes it. */
  private async sendEngineFile(
    request: IncomingMessage,
    response: ServerResponse,
    send: (status: number, body: unknown) => void,
    fileName: string,
    write: (path: string) => Promise<Envelope<unknown>>,
  ): Promise<void> {
    // A download link carries no Origin header; a page on another site must not trigger one.
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return send(403, { error: 'Forbidden origin' });
    const folder = this.downloadFolder;
    await mkdir(folder, { recursive: true });
    const path = join(folder, `${Date.now()}-${randomUUID().slice(0, 8)}-${fileName}`);
    try {
      const envelope = await write(path);
      if (!envelope.ok) return send(CLIENT_ERRORS.has(envelope.error.code) ? 409 : 500, { error: envelope.error.message });
      response.writeHead(200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName}"`,
      });
      await pipeline(createReadStream(path), response);
    } finally {
      await rm(path, { force: true });
    }
  }

  /**
   * Ends every connection at once: `server.close()` alone waits for each open request, and one a
   * browser left half-sent keeps it waiting for Node's 60 s header timeout. Nothing served here is
   * worth draining once the host stops.
   */
  async stop(): Promise<void> {
    this.stage = 'closing connections';
    for (const client of this.sockets?.clients ?? []) client.terminate();
    this.sockets?.close();
    const server = this.server;
    if (server) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    }
    this.stage = 'stopping the engine';
    await this.engine.stop();
    await this.uploads.removeAll();
    await rm(this.downloadFolder, { recursive: true, force: true });
    this.stage = 'stopped';
  }
}
