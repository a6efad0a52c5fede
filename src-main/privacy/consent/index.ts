/** A contact's legal basis per purpose, objections, and the export condition they make. */
export {
  consentState,
  consentTextHash,
  currentConsent,
  recordConsent,
  setObjection,
  withdrawConsent,
} from './store';
export { exportableSql } from './export-filter';
