/**
 * A list row's texts worked out once per record, not at every render of the row (issue 19 point 5).
 * A virtual list renders a row each time it scrolls into view; its name, phone and custom-field
 * texts (libphonenumber, Intl formatting) stay the same until the record or the list's settings
 * change. The store keeps each loaded record as one object and replaces it when it changes, so a
 * cache keyed by the object is right for as long as the formatting inputs (fields shown, language)
 * are the same: build a new one with `useMemo` over those.
 */

/** `compute(item)` once per item object; the results go with the items (a WeakMap). */
export function memoByItem<S extends object, T>(compute: (item: S) => T): (item: S) => T {
  const cache = new WeakMap<S, T>();
  return item => {
    if (cache.has(item)) return cache.get(item) as T;
    const value = compute(item);
    cache.set(item, value);
    return value;
  };
}

/** A row's dimmed line: the present parts joined with ` · `, or `none` when there are none. */
export function rowDetail(parts: readonly (string | null | undefined)[], none: string): string {
  return parts.filter(Boolean).join(' · ') || none;
}
