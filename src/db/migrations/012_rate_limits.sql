-- The request limits of the public routes (issue 14, item 2): counted here, where every process
-- sharing the database sees them, so that N processes behind one port allow what one would. One
-- row per route and client network (an IPv4 address, an IPv6 /64), in fixed windows: the count
-- starts again at 1 once `reset_at` has passed. Rows whose window passed long ago are swept.
create table rate_limits (
  -- SHA-256 of the route and the client network: no address is kept in readable form.
  key text primary key check (length(key) = 64),
  hits integer not null check (hits > 0),
  reset_at timestamptz not null
)
;;
create index rate_limits_reset on rate_limits (reset_at)
