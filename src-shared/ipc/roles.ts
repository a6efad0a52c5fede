/**
 * Role channels: the built-in roles (defined in code, never stored) and the owner's custom roles,
 * plus "who can see what" — every role's live grants with the active users holding it.
 */
import { z } from 'zod';
import { channel } from './contract';
import {
  PERMISSIONS,
  ROLES,
  SCOPES,
  isPermission,
  isScopedPermission,
  type Grants,
  type Role,
} from '../permissions';

/** A role id: a built-in id or `custom-<uuid>`. */
export const roleIdSchema = z
  .string()
  .regex(
    new RegExp(
      `^(${ROLES.join('|')}|custom-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$`,
    ),
    'role: a built-in role or custom-<uuid>',
  );

/** A custom role's name as shown in the app. */
export const roleNameSchema = z.string().trim().min(1).max(60);

/**
 * A grants map: known permissions only; scoped permissions carry own/team/all, the others `true`.
 * Shared with the renderer so the role editor shows the same rules the main process enforces.
 */
export const grantsSchema = z
  .record(z.string(), z.union([z.enum(SCOPES), z.literal(true)]))
  .superRefine((grants, ctx) => {
    const keys = Object.keys(grants);
    if (keys.length === 0 || keys.length > PERMISSIONS.length) {
      ctx.addIssue({ code: 'custom', message: 'grants: at least one known permission' });
      return;
    }
    for (const key of keys) {
      const value = grants[key];
      if (!isPermission(key)) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'not a known permission' });
      } else if (isScopedPermission(key) ? value === true : value !== true) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: isScopedPermission(key) ? 'needs a scope: own, team or all' : 'takes no scope',
        });
      }
    }
  })
  .transform(grants => grants as Grants);

/** A role as the app shows it. Built-in names are their ids (the renderer translates them). */
export interface RoleInfo {
  id: Role;
  name: string;
  builtIn: boolean;
  grants: Grants;
}

/** One line of "who can see what": a role, its live grants, and the active users holding it. */
export interface RoleMatrixRow {
  role: RoleInfo;
  users: { id: string; login: string; displayName: string }[];
}

export const rolesContract = {
  /** Built-in and custom roles with their grants (for pickers and the role editor). */
  list: channel<RoleInfo[]>()({
    input: z.object({}).strict(),
    permission: 'session',
    audit: false,
  }),
  /** Who can see what, from the live definitions. */
  matrix: channel<RoleMatrixRow[]>()({
    input: z.object({}).strict(),
    permission: 'users.read',
    audit: false,
  }),
  /** A new custom role; never wider than the caller's own grants. */
  create: channel<RoleInfo>()({
    input: z.object({ name: roleNameSchema, grants: grantsSchema }).strict(),
    permission: 'roles.manage',
  }),
  /** Renames a custom role or replaces its grants (built-in roles cannot be edited). */
  update: channel<RoleInfo>()({
    input: z
      .object({
        id: roleIdSchema,
        name: roleNameSchema.optional(),
        grants: grantsSchema.optional(),
      })
      .strict()
      .refine(v => v.name !== undefined || v.grants !== undefined, {
        message: 'give a new name, new grants, or both',
      }),
    permission: 'roles.manage',
  }),
  /** Deletes a custom role no account holds. */
  delete: channel<{ deleted: true }>()({
    input: z.object({ id: roleIdSchema }).strict(),
    permission: 'roles.manage',
  }),
} as const;
