/** The head's dashboard: figures computed in SQL within the caller's read scopes. */
export { computeDashboard, type AnalyticsCaller } from './dashboard';
export { fillMonths, monthOfSql, periodMonths, periodOf, type Period } from './period';
