-- Probing hidden records (issue 13, finding 10): every identifier a user attaches to a case (by
-- hand or as a person's contact or document) is a look-up that may reveal a record they may not
-- see. Look-ups are counted here, where every process sharing the database sees them, to limit
-- them per user and per bureau; those that found another bureau's hidden records raise one alert
-- for that bureau per probing user and episode.

-- One row per identifier looked up, kept a day (the limits count the last hour). The identifier
-- is kept as a hash of its kind and value: enough to count distinct ones, nothing to read.
create table entity_lookups (
  id bigint generated always as identity primary key,
  operation_id uuid not null references operations (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  bureau_id uuid not null references bureaus (id) on delete cascade,
  identifier_hash text not null check (length(identifier_hash) = 64),
  at timestamptz not null default now()
)
;;
create index entity_lookups_user on entity_lookups (user_id, at)
;;
create index entity_lookups_bureau on entity_lookups (bureau_id, at)
;;
create index entity_lookups_at on entity_lookups (at)
;;
-- The bureaus whose records, hidden from the user, held the identifier looked up.
create table entity_lookup_holders (
  lookup_id bigint not null references entity_lookups (id) on delete cascade,
  holder_bureau_id uuid not null references bureaus (id) on delete cascade,
  primary key (lookup_id, holder_bureau_id)
)
;;
create index entity_lookup_holders_holder on entity_lookup_holders (holder_bureau_id, lookup_id)
;;
-- One alert for a holder bureau per probing user and episode: how many distinct identifiers of
-- the holder's hidden records the user looked up between window_start and window_end. For the
-- holder's officers only; the prober is never told.
create table probe_alerts (
  operation_id uuid not null references operations (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  holder_bureau_id uuid not null references bureaus (id) on delete cascade,
  seeker_bureau_id uuid not null references bureaus (id) on delete cascade,
  seeker_user_id uuid not null references users (id) on delete cascade,
  identifiers integer not null check (identifiers > 0),
  window_start timestamptz not null,
  window_end timestamptz not null check (window_end >= window_start),
  created_at timestamptz not null default now(),
  primary key (operation_id, id)
)
;;
create index probe_alerts_holder on probe_alerts (operation_id, holder_bureau_id, window_end desc)
;;
create index probe_alerts_seeker on probe_alerts (operation_id, holder_bureau_id, seeker_user_id, window_end desc)
