/**
 * The Electronegativity gate (scripts/security-scan.mjs): a report with a HIGH or MEDIUM finding
 * fails the build, a broken report never passes as "clean", documented false positives do not block.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findingsFromIssues,
  gateFindings,
  parseElectronegativityCsv,
} from '../../scripts/lib/electronegativity-report.mjs';

const repo = resolve(import.meta.dirname, '..', '..');
const HEADER = 'issue, severity, confidence, filename, location, sample, description, url\n';
const WIKI = 'https://github.com/doyensec/electronegativity/wiki/';
const HIGH_ROW =
  `NODE_INTEGRATION_JS_CHECK,"HIGH","FIRM","main/window.ts","9:17",` +
  `"webPreferences: { nodeIntegration: true, title: ""a, b"" }","Disable nodeIntegration, ok?",` +
  `${WIKI}NODE_INTEGRATION_JS_CHECK\n`;
const LOW_ROW = `CSP_GLOBAL_CHECK,"LOW","FIRM","main/recovery.html","5:0",N/A,"Weak CSP",${WIKI}X\n`;
const PRELOAD_ROW = `PRELOAD_JS_CHECK,"MEDIUM","FIRM","main/window.ts","17:6","preload: p,","Review",${WIKI}P\n`;

describe('parsing the report', () => {
  it('reads quoted fields with commas and doubled quotes', () => {
    const [finding] = parseElectronegativityCsv(HEADER + HIGH_ROW);
    expect(finding).toMatchObject({
      id: 'NODE_INTEGRATION_JS_CHECK',
      severity: 'HIGH',
      file: 'main/window.ts',
      location: '9:17',
      sample: 'webPreferences: { nodeIntegration: true, title: "a, b" }',
      description: 'Disable nodeIntegration, ok?',
    });
  });

  it('refuses text that is not a complete report', () => {
    expect(() => parseElectronegativityCsv('')).toThrow(/header/);
    expect(() => parseElectronegativityCsv('id,severity\nX,HIGH\n')).toThrow(/header/);
    expect(() => parseElectronegativityCsv(HEADER + HIGH_ROW.slice(0, 60))).toThrow();
  });

  it('blocks HIGH and MEDIUM, ignores LOW, honours suppressions only with a reason', () => {
    const findings = parseElectronegativityCsv(HEADER + HIGH_ROW + LOW_ROW + PRELOAD_ROW);
    const reason = 'the preload exposes only typed contract functions';
    const result = gateFindings(findings, [
      { id: 'PRELOAD_JS_CHECK', file: 'main/window.ts', reason },
    ]);
    expect(result.blocking.map(f => f.id)).toEqual(['NODE_INTEGRATION_JS_CHECK']);
    expect(result.suppressed.map(f => f.id)).toEqual(['PRELOAD_JS_CHECK']);
    // A suppression for another file does not hide the finding.
    const elsewhere = gateFindings(findings, [{ id: 'PRELOAD_JS_CHECK', file: 'x.ts', reason }]);
    expect(elsewhere.blocking).toHaveLength(2);
    expect(() =>
      gateFindings(findings, [{ id: 'PRELOAD_JS_CHECK', file: 'main/window.ts', reason: '' }]),
    ).toThrow(/no reason/);
  });
});

describe('reading the runner issues (the CSV it writes races its own header)', () => {
  it('turns runner issue objects into the same findings as CSV rows', () => {
    const [finding] = findingsFromIssues([
      {
        id: 'PRELOAD_JS_CHECK',
        file: 'main/window.ts',
        sample: 'preload: p,',
        location: { line: 17, column: 6 },
        description: 'Review',
        severity: { value: 2, name: 'MEDIUM' },
        confidence: { value: 2, name: 'FIRM' },
      },
    ]);
    expect(finding).toEqual(parseElectronegativityCsv(HEADER + PRELOAD_ROW)[0]);
  });

  it('refuses an issue without id or severity, never reads it as clean', () => {
    expect(() => findingsFromIssues([{ file: 'x.ts' }])).toThrow(/no id or severity/);
  });
});

describe('npm run security:scan', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zamok-scan-test-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function scanFolder(
    folder: string,
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const out = await promisify(execFile)(process.execPath, [
        join(repo, 'scripts', 'security-scan.mjs'),
        '--input',
        folder,
      ]);
      return { code: 0, ...out };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  async function gate(report: string): Promise<{ code: number; stdout: string; stderr: string }> {
    const file = join(dir, `r${Math.random().toString(16).slice(2)}.csv`);
    await writeFile(file, report);
    try {
      const out = await promisify(execFile)(process.execPath, [
        join(repo, 'scripts', 'security-scan.mjs'),
        '--report',
        file,
      ]);
      return { code: 0, ...out };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('fails with exit 1 and names a HIGH finding', async () => {
    const result = await gate(HEADER + LOW_ROW + HIGH_ROW);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('HIGH NODE_INTEGRATION_JS_CHECK main/window.ts:9:17');
  });

  it('passes a report with only LOW and documented findings', async () => {
    const result = await gate(HEADER + LOW_ROW + PRELOAD_ROW);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('no HIGH or MEDIUM findings');
  });

  it('exits 2 on a report it cannot read, never 0', async () => {
    const result = await gate('<html>proxy error</html>');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^security:scan: Not an Electronegativity CSV report/);
  });

  it('runs Electronegativity for real and fails on an insecure window', async () => {
    const app = join(dir, 'insecure');
    await mkdir(app);
    await writeFile(
      join(app, 'window.js'),
      [
        "const { BrowserWindow } = require('electron');",
        'const w = new BrowserWindow({',
        '  webPreferences: { nodeIntegration: true, contextIsolation: false, webSecurity: false },',
        '});',
        "w.loadURL('http://example.com/');",
        '',
      ].join('\n'),
    );
    const result = await scanFolder(app);
    expect(result.code).toBe(1);
    for (const id of [
      'CONTEXT_ISOLATION_JS_CHECK',
      'WEB_SECURITY_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'HTTP_RESOURCES_JS_CHECK',
    ]) {
      expect(result.stderr).toContain(id);
    }
  });
});
