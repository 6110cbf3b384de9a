import { describe, expect, it } from 'vitest';
import { explainedChecks, judgeFindings, parseReport, sarifResultCount } from './scanFindings';

// The report's own format: a header with spaces after the commas, quoted fields, samples spanning lines.
const REPORT = `issue, severity, confidence, filename, location, sample, description, url
CSP_GLOBAL_CHECK,"LOW","FIRM","renderer/index.html","5:0","default-src 'self';
 script-src 'self'","One or more CSP directives detected seems to be vulnerable",https://example.invalid/CSP
OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","main/index.js","445:40","shell.openExternal(url)","Review the use of openExternal",https://example.invalid/OPEN
`;

describe('judging the Electronegativity report', () => {
  it('reads every finding, including samples that span lines', () => {
    const findings = parseReport(REPORT);
    expect(findings.map((f) => [f.check, f.severity, f.file, f.location])).toEqual([
      ['CSP_GLOBAL_CHECK', 'LOW', 'renderer/index.html', '5:0'],
      ['OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'main/index.js', '445:40'],
    ]);
  });

  it('a finding above low fails the scan and says where', () => {
    const verdict = judgeFindings(parseReport(REPORT), new Set(['CSP_GLOBAL_CHECK']));
    expect(verdict.passed).toBe(false);
    expect(verdict.failures).toEqual(['MEDIUM: OPEN_EXTERNAL_JS_CHECK in main/index.js:445:40 (Review the use of openExternal)']);
  });

  it('a low finding passes only when explained next to its cause', () => {
    const low = parseReport(REPORT).filter((f) => f.severity === 'LOW');
    expect(judgeFindings(low, new Set()).passed).toBe(false);
    expect(judgeFindings(low, new Set()).failures[0]).toMatch(/LOW without an explanation: CSP_GLOBAL_CHECK/);
    const verdict = judgeFindings(low, new Set(['CSP_GLOBAL_CHECK']));
    expect(verdict).toEqual({ passed: true, failures: [], explainedLows: [expect.stringContaining('CSP_GLOBAL_CHECK in renderer/index.html')] });
  });

  it('counts the findings of a SARIF report (how a damaged CSV report is noticed)', () => {
    const sarif = JSON.stringify({ runs: [{ results: [{ ruleId: 'A' }, { ruleId: 'B' }] }, { results: [{ ruleId: 'C' }] }] });
    expect(sarifResultCount(sarif)).toBe(3);
    expect(sarifResultCount(JSON.stringify({ runs: [{ results: [] }] }))).toBe(0);
  });

  it('an empty report passes', () => {
    expect(judgeFindings(parseReport('issue, severity, confidence, filename, location, sample, description, url\n'), new Set()).passed).toBe(true);
  });

  it('finds explanation comments in TypeScript and HTML sources', () => {
    const source = `// Electronegativity CSP_GLOBAL_CHECK (low): 'self' scripts are our own bundle.\n<!-- Electronegativity LIMIT_NAVIGATION_GLOBAL_CHECK (low): x -->\n// Electronegativity mentioned in passing`;
    expect(explainedChecks(source)).toEqual(['CSP_GLOBAL_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']);
  });
});
