/** Import, the shared half: fields, header synonyms, name splitting, row → form input. */
export * from './fields';
export * from './mapping';
export * from './names';
export * from './synonyms';
export * from './messages';
export * from './deals';
