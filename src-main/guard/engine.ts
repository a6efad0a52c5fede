/**
 * The rule engine: one audit listener (src-main/audit/log.ts) that evaluates the rules on every entry
 * as it is written, inside the same transaction, and raises alerts in the `alerts` table. Raised
 * alerts are also handed to subscribers (the Electron glue shows an OS notification) once the
 * transaction has committed.
 */
import type { AlertView } from '../../src-shared/ipc/alerts';
import { addAuditListener, type AuditEntry, type SqliteHandle } from '../audit';
import { windowQueries } from './queries';
import { anyRuleWatches } from './rule-index';
import type { RuleEnv } from './rule-types';
import { evaluateRules } from './rules';
import { readGuardSettings } from './settings';
import { systemNetworkFacts } from './networks';
import { hasAlertsTable, raiseAlert } from './store';

/** Called with each newly raised alert (not with repeats counted into an open one). */
export type AlertSubscriber = (alert: AlertView) => void;

const subscribers = new Set<AlertSubscriber>();
const checkedTables = new WeakMap<SqliteHandle, boolean>();

let env: RuleEnv = systemNetworkFacts;

/**
 * The machine facts in force (addresses, gateway MAC): the rules, the sign-in check and the
 * devices screen all read this one source, which tests replace through {@link installAlertRules}.
 */
export function machineFacts(): RuleEnv {
  return env;
}

/** Evaluates the rules on one entry and raises what they find. Returns the newly raised alerts. */
export function processEntry(sqlite: SqliteHandle, entry: AuditEntry, ruleEnv = env): AlertView[] {
  let ready = checkedTables.get(sqlite);
  if (ready === undefined) {
    ready = hasAlertsTable(sqlite);
    checkedTables.set(sqlite, ready);
  }
  if (!ready) return [];
  const drafts = evaluateRules({
    entry,
    q: windowQueries(sqlite),
    settings: readGuardSettings(sqlite),
    env: ruleEnv,
  });
  const raised: AlertView[] = [];
  for (const draft of drafts) {
    const { alert, created } = raiseAlert(sqlite, draft, entry.at, entry.seq);
    if (created) raised.push(alert);
  }
  return raised;
}

let uninstall: (() => void) | null = null;

/**
 * Starts watching the audit stream (idempotent: one listener per process, whatever number of app
 * instances). `ruleEnv` replaces the machine facts (tests).
 */
export function installAlertRules(ruleEnv?: RuleEnv): void {
  if (ruleEnv) env = ruleEnv;
  if (uninstall) return;
  // Entries no rule watches (contact edits, reads…) skip the savepoint and the rules altogether.
  uninstall = addAuditListener((entry, sqlite) => {
    const raised = processEntry(sqlite, entry);
    if (raised.length === 0 || subscribers.size === 0) return;
    // Deferred: subscribers (OS notifications) never run inside the append transaction.
    setImmediate(() => {
      for (const alert of raised) for (const s of subscribers) s(alert);
    });
  }, anyRuleWatches);
}

/**
 * Hands an alert that cannot be stored (the vault is damaged, nothing more is written to it) to the
 * subscribers, so the desktop still shows it. Details: ids, counts and folder names only.
 */
export function announceAlert(alert: AlertView): void {
  for (const s of subscribers) s(alert);
}

/** Subscribes to newly raised alerts (ids, rule and counts only); returns the unsubscribe function. */
export function onAlertRaised(subscriber: AlertSubscriber): () => void {
  subscribers.add(subscriber);
  return () => subscribers.delete(subscriber);
}
