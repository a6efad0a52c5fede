/**
 * Deals and pipelines, the shared half: types, input schemas with per-field message codes, money in
 * minor units (parse and format), and the uk/en messages. Pure TypeScript.
 */
export * from './codes';
export * from './messages';
export * from './money';
export * from './schema';
export * from './types';
