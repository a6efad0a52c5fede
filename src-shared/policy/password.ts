/**
 * Password policy, shared by the main process (the rule that counts) and the renderer (live hints).
 *
 * A password is accepted when it has at least 12 characters, zxcvbn-ts rates it 3 or 4, it does not
 * contain the login, and it is not a common password (zxcvbn's 49k `passwords-common` list plus a
 * local list of Ukrainian/Russian ones; l33t, reversed and upper-case variants count as the same).
 * Pure TypeScript: no Node, no Electron.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type { OptionsType, Score } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary } from '@zxcvbn-ts/language-en';
import { LOCAL_COMMON_PASSWORDS } from './common-passwords-local';
import { cyrillicGraphs } from './keyboard-cyrillic';

/** Minimum length in characters (Unicode code points, so "пароль" counts 6, not 12 bytes). */
export const PASSWORD_MIN_LENGTH = 12;
/** Minimum zxcvbn score (0–4). 3 = "safely unguessable: moderate protection from offline attacks". */
export const PASSWORD_MIN_SCORE = 3;
/**
 * Logins shorter than this are not checked for containment: a two-letter login ("io") occurs in
 * too many good passphrases to be a useful signal, and zxcvbn still sees it as a user input.
 */
export const LOGIN_CONTAINMENT_MIN_LENGTH = 3;

/** Why a password is rejected. The i18n key of each is `password.<issue>`. */
export const PASSWORD_ISSUES = ['too_short', 'contains_login', 'common', 'weak'] as const;
export type PasswordIssue = (typeof PASSWORD_ISSUES)[number];

/** What `checkPassword` needs: the candidate, the account's login, and optionally its display name. */
export interface PasswordCheckInput {
  password: string;
  login: string;
  displayName?: string;
}

/** The verdict: `ok` exactly when `issues` is empty; `score` is zxcvbn's 0–4 for a strength meter. */
export interface PasswordCheck {
  ok: boolean;
  score: Score;
  issues: PasswordIssue[];
}

const ZXCVBN_MAX_LENGTH = 128;
const COMMON_DICTIONARIES = new Set(['passwords-common', 'passwords-local']);

interface PolicyEngine {
  zxcvbn: ZxcvbnFactory;
  common: ReadonlySet<string>;
}

let engine: PolicyEngine | undefined;

// Built on first use, once: ranking ~150k dictionary words takes a noticeable moment, and the
// renderer should not pay for it before the user reaches a password field.
function getEngine(): PolicyEngine {
  if (engine === undefined) {
    const options: OptionsType = {
      dictionary: {
        ...commonDictionary,
        ...englishDictionary,
        'passwords-local': [...LOCAL_COMMON_PASSWORDS],
      },
      graphs: { ...adjacencyGraphs, ...cyrillicGraphs(adjacencyGraphs.qwerty) },
      useLevenshteinDistance: false,
      // Runs on every keystroke in the renderer; beyond 128 characters the estimate no longer matters.
      maxLength: ZXCVBN_MAX_LENGTH,
    };
    engine = {
      zxcvbn: new ZxcvbnFactory(options),
      common: new Set([...commonDictionary['passwords-common'], ...LOCAL_COMMON_PASSWORDS]),
    };
  }
  return engine;
}

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function userInputsFor(login: string, displayName: string | undefined): string[] {
  const inputs = new Set<string>(['zamok', 'замок']);
  const words = [login, ...login.split(/[._@-]+/u), ...(displayName ?? '').split(/\s+/u)];
  for (const word of words) {
    const w = normalise(word.trim());
    if (w.length >= 2) inputs.add(w);
  }
  return [...inputs];
}

function containsLogin(password: string, login: string): boolean {
  const p = normalise(password);
  const l = normalise(login.trim());
  if (Array.from(l).length < LOGIN_CONTAINMENT_MIN_LENGTH) return false;
  // "olena.k" is also caught as "olenak" and "olena k": separators are easy to drop or swap.
  const bare = l.replace(/[._@\s-]+/gu, '');
  return (
    p.includes(l) ||
    (bare.length >= LOGIN_CONTAINMENT_MIN_LENGTH && p.replace(/[._@\s-]+/gu, '').includes(bare))
  );
}

/** Checks a candidate password against the policy. Never throws; never stores or logs the password. */
export function checkPassword({ password, login, displayName }: PasswordCheckInput): PasswordCheck {
  const issues: PasswordIssue[] = [];
  if (Array.from(password).length < PASSWORD_MIN_LENGTH) issues.push('too_short');
  if (containsLogin(password, login)) issues.push('contains_login');

  if (password.length === 0) return { ok: false, score: 0, issues: [...issues, 'weak'] };

  const { zxcvbn, common } = getEngine();
  const inputs = userInputsFor(login, displayName);
  const result = zxcvbn.check(password, inputs);
  let score = result.score;
  // zxcvbn scores "oleksandra shevchuk 1" as random because of the spaces, but an attacker tries
  // names and words with and without spaces alike: keep the lower of the two scores.
  const squeezed = password.replace(/\s+/gu, '');
  if (squeezed !== password && squeezed.length > 0) {
    score = Math.min(score, zxcvbn.check(squeezed, inputs).score) as Score;
  }
  const only = result.sequence.length === 1 ? result.sequence[0] : undefined;
  const wholeIsCommonWord =
    only !== undefined &&
    only.pattern === 'dictionary' &&
    COMMON_DICTIONARIES.has(String(only['dictionaryName']));
  if (wholeIsCommonWord || common.has(normalise(squeezed))) {
    issues.push('common');
  }
  if (score < PASSWORD_MIN_SCORE) issues.push('weak');
  return { ok: issues.length === 0, score, issues };
}
