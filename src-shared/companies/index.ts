/**
 * Companies, the shared half: types, input schemas with per-field message codes, ЄДРПОУ/РНОКПП
 * check digits, website normalisation, and the uk/en messages. Pure TypeScript.
 */
export * from './codes';
export * from './messages';
export * from './schema';
export * from './sort-key';
export * from './tax-codes';
export * from './types';
export * from './website';
