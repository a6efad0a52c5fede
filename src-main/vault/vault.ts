/**
 * The vault API in one import path (`src-main/vault/vault`), as named in the design brief.
 * The implementation is split by feature; see ./index.ts.
 */
export * from './index';
