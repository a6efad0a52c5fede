-- Joining with an owner's invitation. An owner device asks for an invitation (only the code's
-- SHA-256 is kept, one use, it expires); a laptop sends a join request with it: ids, public keys,
-- and the user's display name sealed to the inviting owner device's X25519 key (the server cannot
-- read it). The request waits until an owner device approves the device or refuses it.
CREATE TABLE invites (
  code_hash bytea PRIMARY KEY,
  created_by text NOT NULL REFERENCES devices (device_id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  used_by text
);

CREATE TABLE join_requests (
  device_id text PRIMARY KEY,
  user_id text NOT NULL,
  sign_key bytea NOT NULL CHECK (length(sign_key) = 32),
  box_key bytea NOT NULL CHECK (length(box_key) = 32),
  sealed_name bytea NOT NULL,
  invited_by text NOT NULL REFERENCES devices (device_id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);
