/** What the signed-in role may do, for hiding what cannot work (the main process enforces it). */
import type { Permission } from '../../src-shared/permissions';
import { grantOf } from '../../src-shared/roles';
import { useSessionStore } from '../stores/session';

/** Whether the signed-in user's role grants `permission` at any scope (false when signed out). */
export function useGranted(permission: Permission): boolean {
  const grants = useSessionStore(s => s.user?.grants);
  return grants !== undefined && grantOf(grants, permission) !== undefined;
}
