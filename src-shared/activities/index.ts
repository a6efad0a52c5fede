/**
 * Activities, the shared half: kinds, types, input schemas. Pure TypeScript.
 */
export * from './schema';
export * from './types';
export * from './views';
