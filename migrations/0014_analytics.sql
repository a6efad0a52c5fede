-- The head's dashboard (src-main/crm/analytics): range indexes for its GROUP BY queries, so that a
-- period reads only the rows in it, whatever the caller's scope (all: by time; own/team: by owner).
-- Contacts already have contacts_created / contacts_owner_created; open deals per stage use
-- deals_stage_updated. Won/lost per month reads by closing time, activities per person by time.

CREATE INDEX deals_closed ON deals (deleted_at, closed_at, owner_id, stage_id)
  WHERE closed_at IS NOT NULL;
CREATE INDEX deals_owner_closed ON deals (owner_id, deleted_at, closed_at, stage_id)
  WHERE closed_at IS NOT NULL;

CREATE INDEX activities_occurred ON activities (occurred_at, owner_id)
  WHERE deleted_at IS NULL;
CREATE INDEX activities_owner_occurred ON activities (owner_id, occurred_at)
  WHERE deleted_at IS NULL;
