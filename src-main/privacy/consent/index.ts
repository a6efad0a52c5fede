/** A contact's legal basis per purpose, objections, and the export condition they make. */
export {
  consentState,
  consentTextHash,
  currentConsent,
  recordConsent,
  rowToConsent,
  setObjection,
  withdrawConsent,
} from './store';
export { exportableSql } from './export-filter';
