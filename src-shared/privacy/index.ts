/** Personal data: types, input schemas and the `privacy` channels. */
export * from './types';
export * from './schema';
export { privacyContract } from './contract';
