-- Heads approve devices of their team. An invitation a head asks for is bound to the head's team
-- (`team_id`), and so is the join request made with it: the server lists such a request to that
-- team's heads (and to owner devices) and lets a head approve it only as a manager of that team.
-- Owner invitations stay unbound (NULL).
ALTER TABLE invites ADD COLUMN team_id text;
ALTER TABLE join_requests ADD COLUMN team_id text;
