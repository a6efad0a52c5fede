/**
 * Checks that run before a channel's schema sees the input: the caller's frame, the input's size,
 * and keys that could pollute prototypes. All of them answer typed errors and never throw.
 */
import type { CallError } from '../../src-shared/ipc/contract';

/** Where a call came from. `sender` is set by the Electron host from the IPC event. */
export interface CallerContext {
  host: 'electron' | 'cli' | 'preview';
  sender?: { frameUrl: string; isMainFrame: boolean };
}

/** The origin our renderer is served from (custom protocol registered by src-main/electron/main.ts). */
export const APP_ORIGIN = 'app://zamok';

/** Largest accepted input, in bytes of its JSON form. Big enough for any form, small enough to parse fast. */
export const MAX_INPUT_BYTES = 1024 * 1024;

/** Deepest accepted input nesting; the contract's schemas are a few levels deep. */
export const MAX_INPUT_DEPTH = 32;

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Electron calls must come from our own origin's main frame (no iframe, no navigated-away page). */
export function checkSender(caller: CallerContext): CallError | null {
  if (caller.host !== 'electron') return null;
  const sender = caller.sender;
  if (
    sender &&
    sender.isMainFrame === true &&
    typeof sender.frameUrl === 'string' &&
    sender.frameUrl.startsWith(`${APP_ORIGIN}/`)
  ) {
    return null;
  }
  return { code: 'forbidden_sender', message: 'This call did not come from the Zamok window.' };
}

/**
 * Rejects inputs that are not plain JSON data, larger than {@link MAX_INPUT_BYTES}, nested deeper than
 * {@link MAX_INPUT_DEPTH}, or holding an own key `__proto__`, `constructor` or `prototype` at any depth.
 */
export function checkInputShape(input: unknown): CallError | null {
  let json: string | undefined;
  try {
    // Throws on cycles and BigInt: neither can come from a real form.
    json = JSON.stringify(input);
  } catch {
    return invalid('The request is not plain data.');
  }
  if (json !== undefined && Buffer.byteLength(json, 'utf8') > MAX_INPUT_BYTES) {
    return invalid('The request is too large.');
  }
  return walk(input, 0);
}

function walk(value: unknown, depth: number): CallError | null {
  if (typeof value !== 'object' || value === null) return null;
  if (depth > MAX_INPUT_DEPTH) return invalid('The request is nested too deeply.');
  // Own keys only, including non-enumerable ones: JSON.parse creates `__proto__` as an own key.
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key === 'symbol') return invalid('The request is not plain data.');
    if (FORBIDDEN_KEYS.has(key)) return invalid('The request contains a forbidden key.');
    const problem = walk((value as Record<string, unknown>)[key], depth + 1);
    if (problem) return problem;
  }
  return null;
}

function invalid(message: string): CallError {
  return { code: 'invalid_input', message };
}
