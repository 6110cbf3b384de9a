/**
 * The file the OS asked us to open. On Windows and Linux "Open with Traffic Monitor" starts the
 * app (or, through the single-instance lock, hands the running one) a command line whose last
 * plain argument is the file; Chromium and Electron switches (`--flag`) are not files.
 */
const OPENABLE = /\.(csv|tsv|txt)$/i;

/**
 * @param argv the full command line, as process.argv or the second-instance event gives it.
 * @param isPackaged packaged: [app, ...args]; development: [electron, appDir, ...args].
 */
export function csvPathFromArgv(argv: readonly string[], isPackaged: boolean): string | null {
  const args = argv.slice(isPackaged ? 1 : 2);
  for (let index = args.length - 1; index >= 0; index -= 1) {
    const arg = args[index];
    if (arg !== undefined && !arg.startsWith('-') && OPENABLE.test(arg)) return arg;
  }
  return null;
}
