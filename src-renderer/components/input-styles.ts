/** Input styles shared by several fields. */

/** Monospace text for paths, keys and codes a person may compare character by character. */
export const MONOSPACE_INPUT = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };
