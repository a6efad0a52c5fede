/** Custom fields, the shared half: kinds, limits, input schemas and per-kind value checks. */
export * from './schema';
export * from './types';
export * from './values';
export * from './messages';
