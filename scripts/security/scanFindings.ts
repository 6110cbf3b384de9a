/**
 * Reading Electronegativity's CSV report and deciding whether the app passes: no finding above low
 * severity, and every low one explained in a comment next to its cause, written as
 * `Electronegativity CHECK_ID (low): why`.
 */
import { parse } from 'csv-parse/sync';

export interface Finding {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  description: string;
}

export function parseReport(csv: string): Finding[] {
  const rows = parse(csv, { columns: true, trim: true, skip_empty_lines: true, relax_quotes: true }) as Array<Record<string, string>>;
  return rows.map((row) => ({
    check: row['issue'] ?? '',
    severity: (row['severity'] ?? '').toUpperCase(),
    confidence: row['confidence'] ?? '',
    file: row['filename'] ?? '',
    location: row['location'] ?? '',
    description: row['description'] ?? '',
  }));
}

/** How many findings a SARIF report (the scanner's other format, without severities) holds. */
export function sarifResultCount(sarif: string): number {
  const report = JSON.parse(sarif) as { runs?: { results?: unknown[] }[] };
  return (report.runs ?? []).reduce((sum, run) => sum + (run.results?.length ?? 0), 0);
}

const ALLOWED_SEVERITIES = new Set(['INFORMATIONAL', 'LOW']);

export interface Verdict {
  passed: boolean;
  /** One line per reason to fail. */
  failures: string[];
  /** The low findings that stay, each with where its explanation is. */
  explainedLows: string[];
}

/** @param explanations the check ids that have an explanation comment in the sources. */
export function judgeFindings(findings: readonly Finding[], explanations: ReadonlySet<string>): Verdict {
  const failures: string[] = [];
  const explainedLows: string[] = [];
  for (const finding of findings) {
    const where = `${finding.check} in ${finding.file}:${finding.location} (${finding.description})`;
    if (!ALLOWED_SEVERITIES.has(finding.severity)) failures.push(`${finding.severity}: ${where}`);
    else if (finding.severity === 'LOW' && !explanations.has(finding.check)) {
      failures.push(`LOW without an explanation: ${where}; fix it, or explain it next to its cause with a comment "Electronegativity ${finding.check} (low): …"`);
    } else if (finding.severity === 'LOW') explainedLows.push(where);
  }
  return { passed: failures.length === 0, failures, explainedLows };
}

/** The check ids explained in a source text. */
export function explainedChecks(source: string): string[] {
  return [...source.matchAll(/Electronegativity ([A-Z_]+) \(low\):/g)].map((match) => match[1] ?? '');
}
