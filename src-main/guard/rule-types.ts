/**
 * The shape of an alert rule, in its own module so the rule files (./rules.ts, ./devices-rules.ts,
 * ./approvals-rule.ts) share it without importing each other.
 */
import type { AuditEntry } from '../audit';
import type { NetworkFacts } from './networks';
import type { WindowQueries } from './queries';
import type { GuardSettings } from './settings';
import type { AlertDraft } from './store';

/** What the rules may know about the machine: its addresses and gateway (./networks.ts). */
export type RuleEnv = NetworkFacts;

/** Inputs of one evaluation. */
export interface RuleInput {
  entry: AuditEntry;
  q: WindowQueries;
  settings: GuardSettings;
  env: RuleEnv;
}

/** One rule: returns the alerts it raises for this entry (usually none). */
export type Rule = (input: RuleInput) => AlertDraft[];
