-- 0004_roles: teams on accounts, and the owner's custom roles. Shipped migrations are never edited.
--
-- Built-in roles (owner, administrator, head, manager, auditor) are defined in code
-- (src-shared/roles.ts BUILT_IN_GRANTS) and never stored here, so no row can weaken or widen them.
-- users.role holds a built-in id or the id of a row below. Grants are JSON {permission: scope|true}
-- (src-shared/permissions.ts), validated by src-main/roles before every write and again on read.
-- Times are ISO 8601 UTC strings with milliseconds, as in audit_log.

ALTER TABLE users ADD COLUMN team_id TEXT;     -- NULL: no team; `team`-scoped grants then cover own records

CREATE TABLE roles (
  id TEXT PRIMARY KEY CHECK (id LIKE 'custom-%'),   -- custom-<uuid>
  name TEXT NOT NULL UNIQUE,
  grants TEXT NOT NULL CHECK (json_valid(grants) AND json_type(grants) = 'object'),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users (id)
) STRICT;

CREATE INDEX users_team ON users (team_id, status);
