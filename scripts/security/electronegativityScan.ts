/**
 * Runs the Electronegativity scanner on the built app (`out/`, after `electron-vite build`) and
 * fails when it finds anything above low severity or a low finding nobody explained. Part of
 * `npm test`; run it alone with `npm run test:security`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { explainedChecks, judgeFindings, parseReport, sarifResultCount, type Finding } from './scanFindings';

const root = resolve(__dirname, '..', '..');
const built = join(root, 'out');
if (!existsSync(join(built, 'main', 'index.js'))) {
  console.error('Nothing to scan: out/main/index.js is missing. Run `npx electron-vite build` first.');
  process.exit(1);
}

const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
const work = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const scanner = join(root, 'node_modules', '.bin', 'electronegativity');

/** Runs the scanner into `output` (.csv or .sarif) and returns the report's text. */
function scan(output: string): string {
  const reportPath = join(work, output);
  rmSync(reportPath, { force: true });
  // The version is given because the scanner cannot look it up without internet access.
  const run = spawnSync(scanner, ['--input', built, '--electron-version', electronVersion, '--relative', '--output', reportPath, '--verbose', 'false'], {
    encoding: 'utf8',
    timeout: 5 * 60_000,
  });
  if (!existsSync(reportPath)) {
    console.error(`Electronegativity wrote no report (exit ${String(run.status)}):\n${run.stderr}\n${run.stdout}`);
    process.exit(1);
  }
  return readFileSync(reportPath, 'utf8');
}

/**
 * The CSV report (the only one that names severities). The scanner writes its header and its rows
 * with two asynchronous writes that race: now and then the header lands over the first rows. The
 * SARIF report is written at once, so its count of findings tells a whole CSV from a damaged one;
 * a damaged one is written again.
 */
function findingsOfScan(): Finding[] {
  const expected = sarifResultCount(scan('report.sarif'));
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      const findings = parseReport(scan('report.csv'));
      if (findings.length === expected) return findings;
      console.error(`Electronegativity's CSV report lists ${findings.length} finding(s), its SARIF report ${expected}: scanning again (attempt ${attempt}).`);
    } catch (error) {
      console.error(`Electronegativity's CSV report could not be read (${(error as Error).message.split('\n')[0] ?? ''}): scanning again (attempt ${attempt}).`);
    }
  }
  console.error('Electronegativity never wrote a whole CSV report in five attempts.');
  process.exit(1);
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|html)$/.test(name) ? [path] : [];
  });
}
const explanations = new Set([join(root, 'electron'), join(root, 'renderer')].flatMap(sources).flatMap((path) => explainedChecks(readFileSync(path, 'utf8'))));

const findings = findingsOfScan();
rmSync(work, { recursive: true, force: true });
const verdict = judgeFindings(findings, explanations);
process.stdout.write(`Electronegativity (Electron ${electronVersion}): ${findings.length} finding(s) in out/.\n`);
for (const low of verdict.explainedLows) process.stdout.write(`  low, explained at its cause: ${low}\n`);
for (const failure of verdict.failures) console.error(`  ${failure}`);
process.exit(verdict.passed ? 0 : 1);
