/**
 * Reading Electronegativity's CSV report and deciding whether it blocks the build. Kept apart from
 * scripts/security-scan.mjs so the gate itself is unit-tested (src-main/electron/security-scan.test.ts).
 */

/** Severities that fail the gate. */
export const BLOCKING_SEVERITIES = Object.freeze(['HIGH', 'MEDIUM']);

/** The header line Electronegativity 1.10.x writes. */
const EXPECTED_HEADER = [
  'issue',
  'severity',
  'confidence',
  'filename',
  'location',
  'sample',
  'description',
  'url',
];

/**
 * Splits CSV text into records (RFC 4180: quoted fields, doubled quotes, commas and line breaks
 * inside quotes). Throws on an unterminated quote.
 * @param {string} text
 * @returns {string[][]}
 */
export function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      record.push(field);
      if (record.length > 1 || record[0] !== '') records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new Error('The report ends inside a quoted field (truncated?).');
  record.push(field);
  if (record.length > 1 || record[0] !== '') records.push(record);
  return records;
}

/**
 * Parses an Electronegativity CSV report into findings. Throws when the text is not such a report,
 * so a broken or empty file can never pass the gate as "no findings".
 * @param {string} text
 * @returns {import('./electronegativity-report.d.mts').Finding[]}
 */
export function parseElectronegativityCsv(text) {
  const [header, ...rows] = parseCsv(text);
  const names = (header ?? []).map(h => h.trim().toLowerCase());
  if (names.join(',') !== EXPECTED_HEADER.join(',')) {
    throw new Error('Not an Electronegativity CSV report (unexpected header).');
  }
  return rows.map((row, index) => {
    if (row.length !== EXPECTED_HEADER.length) {
      throw new Error(`Report row ${index + 2} has ${row.length} fields, expected 8.`);
    }
    const [id, severity, confidence, file, location, sample, description] = row.map(f => f.trim());
    return {
      id,
      severity: severity.toUpperCase(),
      confidence,
      file,
      location,
      sample,
      description,
    };
  });
}

/**
 * Findings from the issues the runner API returns (the same objects its CSV rows are made of).
 * The gate reads these, not the CSV: Electronegativity 1.10.3 writes the CSV header with flag `w`
 * and the rows with flag `a` in two unawaited `fs.writeFile` calls, so under load the header write
 * can land second and truncate or overwrite the rows (seen on CI with LANG=en_US.UTF-8).
 * @param {unknown[]} issues
 * @returns {import('./electronegativity-report.d.mts').Finding[]}
 */
export function findingsFromIssues(issues) {
  return issues.map((raw, index) => {
    const issue = /** @type {Record<string, any>} */ (raw);
    const severity = issue?.severity?.name;
    if (typeof issue?.id !== 'string' || typeof severity !== 'string') {
      throw new Error(`Scan issue ${index + 1} has no id or severity.`);
    }
    const where = issue.location ?? {};
    return {
      id: issue.id,
      severity: severity.toUpperCase(),
      confidence: String(issue.confidence?.name ?? ''),
      file: String(issue.file ?? 'N/A'),
      location: `${where.line}:${where.column}`,
      sample: String(issue.sample ?? ''),
      description: String(issue.description ?? ''),
    };
  });
}

/**
 * Splits findings into those that fail the build (HIGH/MEDIUM, not suppressed) and the suppressed
 * ones. A suppression matches one check id in one file and must give a reason.
 * @param {import('./electronegativity-report.d.mts').Finding[]} findings
 * @param {readonly import('./electronegativity-report.d.mts').Suppression[]} suppressions
 */
export function gateFindings(findings, suppressions) {
  for (const s of suppressions) {
    if (!s.reason || s.reason.trim().length < 10) {
      throw new Error(`Suppression of ${s.id} in ${s.file} gives no reason.`);
    }
  }
  const blocking = [];
  const suppressed = [];
  for (const finding of findings) {
    if (!BLOCKING_SEVERITIES.includes(finding.severity)) continue;
    const match = suppressions.some(s => s.id === finding.id && s.file === finding.file);
    (match ? suppressed : blocking).push(finding);
  }
  return { blocking, suppressed };
}

/**
 * One line per finding, for the console.
 * @param {import('./electronegativity-report.d.mts').Finding} f
 */
export function describeFinding(f) {
  return `${f.severity} ${f.id} ${f.file}:${f.location} ${f.description}`;
}
