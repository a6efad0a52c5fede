/** One row of Electronegativity's CSV report. */
export interface Finding {
  id: string;
  /** HIGH, MEDIUM, LOW or INFORMATIONAL. */
  severity: string;
  confidence: string;
  /** Relative to the scanned folder; `N/A` for global checks. */
  file: string;
  /** `line:column`. */
  location: string;
  sample: string;
  description: string;
}

/** An accepted finding: one check in one file, with the reason it is a false positive. */
export interface Suppression {
  id: string;
  file: string;
  reason: string;
}

/** Severities that fail the gate. */
export const BLOCKING_SEVERITIES: readonly string[];
/** RFC 4180 records of a CSV text. */
export function parseCsv(text: string): string[][];
/** Findings of an Electronegativity CSV report; throws if the text is not one. */
export function parseElectronegativityCsv(text: string): Finding[];
/** Findings from the runner API's issue objects; throws on an issue without id or severity. */
export function findingsFromIssues(issues: unknown[]): Finding[];
/** Blocking (HIGH/MEDIUM, not suppressed) and suppressed findings. */
export function gateFindings(
  findings: Finding[],
  suppressions: readonly Suppression[],
): { blocking: Finding[]; suppressed: Finding[] };
/** One console line for a finding. */
export function describeFinding(finding: Finding): string;
