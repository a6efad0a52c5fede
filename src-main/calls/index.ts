/**
 * What a call into main carries that services share with the router: its expected failure, the
 * caller's session and the audit note. Pure TypeScript over src-shared: services (users, roles,
 * guard, …) import it instead of the router (src-main/ipc), which re-exports it for handlers.
 */
export type { AuditNote, RelatedAuditNote } from './audit-note';
export { CallFailure } from './failure';
export type { Session } from './session';
