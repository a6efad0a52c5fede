/**
 * Contacts, the shared half: types, input schemas with per-field message codes, phone/e-mail/
 * Telegram/tag normalisation, the name sort key, and the uk/en messages. Pure TypeScript.
 */
export * from './codes';
export * from './fields';
export * from './messages';
export * from './phone';
export * from './schema';
export * from './sort-key';
export * from './text-fields';
export * from './types';
