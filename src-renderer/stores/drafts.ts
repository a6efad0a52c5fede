/**
 * Drafts: what was typed into a record form that was left without saving or cancelling (a menu
 * click, a search hit, an idle lock). Kept in this module's memory only — never in localStorage,
 * sessionStorage or IndexedDB — for the signed-in person's session: unlike the stores
 * (./registry.ts) a lock keeps them, so the unlock returns to the form with its text; a sign-out,
 * "sign in as someone else" or another person's sign-in drops them all.
 */

/** At most this many drafts are kept (the oldest is dropped first). */
export const DRAFT_LIMIT = 20;

const drafts = new Map<string, unknown>();
let owner: string | null = null;

/** Keeps `values` as the draft `key` (e.g. `contacts:new`, `deals:<id>`). */
export function keepDraft(key: string, values: unknown): void {
  drafts.delete(key);
  drafts.set(key, values);
  for (const oldest of drafts.keys()) {
    if (drafts.size <= DRAFT_LIMIT) break;
    drafts.delete(oldest);
  }
}

/** The draft `key`, if one is kept. */
export function draftOf<V>(key: string): V | undefined {
  return drafts.get(key) as V | undefined;
}

/** Forgets the draft `key` (saved or cancelled). */
export function dropDraft(key: string): void {
  drafts.delete(key);
}

/** How many drafts are kept (for tests and the sign-out check). */
export function draftCount(): number {
  return drafts.size;
}

/** Forgets every draft (sign-out, another person signs in). */
export function dropAllDrafts(): void {
  drafts.clear();
  owner = null;
}

/** Called at each sign-in or unlock: drafts belong to one person and are dropped for another. */
export function claimDrafts(userId: string): void {
  if (owner !== userId) drafts.clear();
  owner = userId;
}
