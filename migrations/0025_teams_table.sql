-- 0025_teams_table: teams as rows; users.team_id refers to one. Shipped migrations are never edited.
--
-- Until now users.team_id was free text (0004). Each distinct value becomes a team whose id is that
-- text (so sessions, scopes and reports keep working unchanged) and whose name is the same text,
-- numbered when two values differ only by letter case. `name_key` is the name folded to lower case
-- by the app (src-main/teams), so names are unique case-insensitively in any alphabet; rows made
-- here fold with SQLite's lower(), which folds only ASCII.
--
-- SQLite cannot add a foreign key to an existing column, so triggers keep users.team_id pointing
-- at a team. Deleting a team leaves its members without a team (as ON DELETE SET NULL would).
-- The head (head_user_id) is always a member: a member who leaves the team stops being its head.

CREATE TABLE teams (
  id TEXT PRIMARY KEY,                         -- team-<uuid> for new teams; the old text for migrated ones
  name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60),
  name_key TEXT NOT NULL UNIQUE,               -- the name, trimmed and lower-cased
  head_user_id TEXT REFERENCES users (id),     -- NULL: no head
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

INSERT INTO teams (id, name, name_key, head_user_id, created_at, updated_at)
SELECT
  team_id,
  CASE WHEN n = 1 THEN substr(trim(team_id), 1, 60) ELSE substr(trim(team_id), 1, 54) || ' (' || n || ')' END,
  lower(CASE WHEN n = 1 THEN substr(trim(team_id), 1, 60) ELSE substr(trim(team_id), 1, 54) || ' (' || n || ')' END),
  NULL,
  strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
  strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM (
  SELECT team_id, row_number() OVER (PARTITION BY lower(trim(team_id)) ORDER BY team_id) AS n
  FROM (SELECT DISTINCT team_id FROM users WHERE team_id IS NOT NULL AND trim(team_id) <> '')
);

-- A blank team id meant no team.
UPDATE users SET team_id = NULL WHERE team_id IS NOT NULL AND trim(team_id) = '';

CREATE TRIGGER users_team_exists_insert BEFORE INSERT ON users
WHEN NEW.team_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM teams WHERE teams.id = NEW.team_id)
BEGIN
  SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: users.team_id');
END;

CREATE TRIGGER users_team_exists_update BEFORE UPDATE OF team_id ON users
WHEN NEW.team_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM teams WHERE teams.id = NEW.team_id)
BEGIN
  SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: users.team_id');
END;

CREATE TRIGGER users_team_left AFTER UPDATE OF team_id ON users
WHEN OLD.team_id IS NOT NEW.team_id
BEGIN
  UPDATE teams SET head_user_id = NULL WHERE head_user_id = NEW.id AND id IS NOT NEW.team_id;
END;

CREATE TRIGGER teams_deleted AFTER DELETE ON teams
BEGIN
  UPDATE users SET team_id = NULL WHERE team_id = OLD.id;
END;

CREATE TRIGGER teams_head_is_member BEFORE UPDATE OF head_user_id ON teams
WHEN NEW.head_user_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM users WHERE users.id = NEW.head_user_id AND users.team_id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'the head of a team must be its member');
END;

CREATE INDEX teams_head ON teams (head_user_id);
