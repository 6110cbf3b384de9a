/**
 * What the SQL panel asks of the engine: run, cancel, fetch more rows, export, configure, and
 * the query library. Failures land in the panel's notice, next to the query they concern,
 * rather than in the app-wide banner.
 */
import { SQL_MAX_LENGTH, SQL_PAGE_MAX, type SqlLibrary, type SqlPage, type SqlResult, type SqlSettings } from '../../../../shared/sql/sqlContract';
import type { CommandArgs, CommandName, CommandResult } from '../../../../shared/contract';
import { useView } from '../../store/viewStore';
import { isDesktop, tryInvoke } from '../../transport/engineClient';
import { startDownload } from '../../transport/downloadLink';
import { formatCount } from '../../format';
import { tableVersion } from './liveRerun';
import { PAGE_ROWS, blockRequests, createCache, missingBlocks, withRows, type ResultRow } from './pageCache';
import { resultProgress, type RowsResult } from './resultProgress';
import { useSqlStore, type SqlGrid } from './sqlStore';

/** Rows a chart asks for beyond those already scrolled through, so a typical GROUP BY charts whole. */
export const CHART_FETCH_ROWS = 5000;

let runToken = 0;
/** Blocks asked for and not yet answered, for the grid's current query only. */
let inFlight: { queryId: number; blocks: Set<number> } = { queryId: -1, blocks: new Set() };

const setState = useSqlStore.setState;
const getState = useSqlStore.getState;

async function command<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<CommandResult<K> | null> {
  const envelope = await tryInvoke(name, args);
  if (envelope.ok) return envelope.value;
  setState({ notice: { kind: 'error', text: envelope.error.message } });
  return null;
}

const sameColumns = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((name, i) => name === b[i]);

/** The next grid for a reply: a Live refresh of the same shape keeps the old rows as stand-ins while new ones load. */
function nextGrid(result: RowsResult, sql: string, live: boolean): SqlGrid {
  const previous = getState().grid;
  const keep = live && previous !== null && sameColumns(previous.result.columns, result.columns);
  return { result, sql, cache: createCache(result.queryId, result.rows, keep ? previous.cache : null) };
}

function applyResult(result: SqlResult, sql: string, live: boolean): void {
  const outcome = { result, sql, live };
  if (result.status === 'rows') {
    inFlight = { queryId: result.queryId, blocks: new Set() };
    setState({ running: null, outcome, grid: nextGrid(result, sql, live), pageProgress: null, updatedAt: Date.now() });
    if (getState().view === 'chart') sqlActions.loadChartRows();
    return;
  }
  // A Live refresh that fails keeps the rows on show; the message says why they are not fresh.
  setState(live ? { running: null, outcome } : { running: null, outcome, grid: null, pageProgress: null });
}

async function execute(sql: string, live: boolean): Promise<void> {
  const previous = getState().running;
  // One query at a time: the engine answers the newest, so stop the older one first.
  if (previous) await tryInvoke('sql:cancel', {});
  const token = ++runToken;
  const startedAt = Date.now();
  setState({
    running: { token, sql, startedAt, live },
    lastStartedAt: startedAt,
    versionAtRun: tableVersion(useView.getState().sqlTable),
    ...(live ? {} : { notice: null }),
  });
  const envelope = await tryInvoke('sql:run', { sql, pageSize: PAGE_ROWS });
  if (token !== runToken) return;
  if (!envelope.ok) {
    setState({ running: null, notice: { kind: 'error', text: envelope.error.message } });
    return;
  }
  applyResult(envelope.value, sql, live);
  if (!live) void sqlActions.loadLibrary();
}

async function fetchRows(queryId: number, offset: number, limit: number): Promise<void> {
  const blocks = Array.from({ length: limit / PAGE_ROWS }, (_, i) => offset / PAGE_ROWS + i);
  blocks.forEach((block) => inFlight.blocks.add(block));
  const rows: ResultRow[] = [];
  let page: SqlPage | null = null;
  let failure: string | null = null;
  // A page of big rows stops short (SQL_PAGE_MAX_CHARS): the rest is asked for from where it ended.
  while (rows.length < limit) {
    const envelope = await tryInvoke('sql:page', { queryId, offset: offset + rows.length, limit: limit - rows.length });
    if (!envelope.ok) {
      failure = envelope.error.message;
      break;
    }
    page = envelope.value;
    rows.push(...page.rows);
    if (page.rows.length === 0 || offset + rows.length >= page.keptRows || getState().grid?.result.queryId !== queryId) break;
  }
  if (inFlight.queryId === queryId) blocks.forEach((block) => inFlight.blocks.delete(block));
  const grid = getState().grid;
  if (!grid || grid.result.queryId !== queryId) return; // a newer result replaced it meanwhile
  if (failure !== null) setState({ notice: { kind: 'error', text: `More rows could not be fetched: ${failure}` } });
  if (!page) return;
  const progress = { queryId, rowsCounted: page.rowsCounted, keptRows: page.keptRows, complete: page.complete };
  setState({ grid: rows.length > 0 ? { ...grid, cache: withRows(grid.cache, offset, rows) } : grid, pageProgress: progress });
}

function applyLibrary(library: SqlLibrary | null): void {
  if (library) setState({ library });
}

export const sqlActions = {
  /** Runs the editor's text (Ctrl/Cmd+Enter, the Run button). */
  run(): Promise<void> {
    const sql = getState().text;
    if (sql.trim() === '') {
      setState({ notice: { kind: 'info', text: 'Type a query first.' } });
      return Promise.resolve();
    }
    // Checked here so that an over-long paste gets words, not a refused message on the wire.
    if (sql.length > SQL_MAX_LENGTH) {
      setState({ notice: { kind: 'error', text: `This query is ${formatCount(sql.length)} characters long; the engine takes queries of up to ${formatCount(SQL_MAX_LENGTH)} characters.` } });
      return Promise.resolve();
    }
    return execute(sql, false);
  },

  /** Live mode's refresh of the rows on show. */
  rerunLive(): Promise<void> {
    const grid = getState().grid;
    return grid ? execute(grid.sql, true) : Promise.resolve();
  },

  /** Stops the running query; Live stops too, or it would start the query again a second later. */
  async cancel(): Promise<void> {
    setState({ live: false });
    await command('sql:cancel', {});
  },

  setLive(live: boolean): void {
    setState({ live });
    if (live && getState().grid === null && getState().running === null) void sqlActions.run();
  },

  /** Asks for the rows first..last of the grid's result that are not held yet. */
  ensureRows(first: number, last: number): void {
    const grid = getState().grid;
    if (!grid) return;
    const queryId = grid.result.queryId;
    if (inFlight.queryId !== queryId) inFlight = { queryId, blocks: new Set() };
    const progress = resultProgress(grid.result, useView.getState().sqlTable?.query ?? null, getState().pageProgress);
    const blocks = missingBlocks(grid.cache, first, last, progress.keptRows, inFlight.blocks);
    for (const request of blockRequests(blocks, SQL_PAGE_MAX)) void fetchRows(queryId, request.offset, request.limit);
  },

  loadChartRows(): void {
    sqlActions.ensureRows(0, CHART_FETCH_ROWS - 1);
  },

  /** Desktop: a native save dialog. Browser: the web host streams the CSV as a download. */
  async exportCsv(): Promise<void> {
    const grid = getState().grid;
    if (!grid) return;
    const queryId = grid.result.queryId;
    if (isDesktop) {
      const saved = await command('sql:showExportDialog', { queryId });
      if (saved) setState({ notice: { kind: 'info', text: `Exported ${formatCount(saved.rows)} rows to ${saved.path}` } });
      return;
    }
    const failed = await startDownload(`/api/sql-export.csv?queryId=${queryId}`, `query-${queryId}.csv`);
    if (failed) setState({ notice: { kind: 'error', text: failed } });
  },

  /** Resolves to an error message for the settings popover, or null once applied. */
  async configure(settings: SqlSettings): Promise<string | null> {
    const envelope = await tryInvoke('sql:configure', settings);
    return envelope.ok ? null : envelope.error.message;
  },

  /** The panel is shown: the engine starts filling the live table (it does not while no console is open). */
  async open(): Promise<void> {
    await tryInvoke('sql:open', {});
  },

  /** A window statement from the Windows section: null when done, else why not (shown by the form). */
  async window(sql: string): Promise<string | null> {
    const envelope = await tryInvoke('sql:window', { sql });
    if (!envelope.ok) return envelope.error.message;
    if (!envelope.value.ok) return envelope.value.message;
    setState({ notice: { kind: 'info', text: envelope.value.message } });
    return null;
  },

  async loadLibrary(): Promise<void> {
    const envelope = await tryInvoke('sql:library', {});
    // The library is a convenience: a failure to load it must not hide a query's own message.
    if (envelope.ok) applyLibrary(envelope.value);
  },

  async saveQuery(name: string): Promise<boolean> {
    const library = await command('sql:saveQuery', { name, sql: getState().text });
    applyLibrary(library);
    return library !== null;
  },

  async deleteQuery(name: string): Promise<void> {
    applyLibrary(await command('sql:deleteQuery', { name }));
  },
};
