-- Foundation: bureaus, users, sessions, operations, hotspots, inspections, outcomes, audit log.
-- Statements are separated by lines holding only ";;". Large tables carry operation_id first in
-- their primary key: it is the distribution key they would take on Citus.

create table bureaus (
  id uuid primary key default gen_random_uuid(),
  country text not null check (country ~ '^[A-Z]{2}$'),
  name text not null unique,
  kind text not null check (kind in ('coordinator', 'national_bureau', 'border_agency', 'partner')),
  created_at timestamptz not null default now()
)
;;
create table users (
  id uuid primary key default gen_random_uuid(),
  username text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
  display_name text not null,
  bureau_id uuid not null references bureaus (id),
  roles text[] not null check (
    cardinality(roles) > 0
    and roles <@ array['admin', 'coordinator', 'officer', 'field', 'analyst', 'partner']::text[]
  ),
  password_hash text not null,
  disabled boolean not null default false,
  created_at timestamptz not null default now()
)
;;
create table sessions (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
)
;;
create index sessions_user on sessions (user_id)
;;
create table operations (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  description text not null default '',
  coordinator_bureau_id uuid not null references bureaus (id),
  funders text[] not null default '{}',
  created_at timestamptz not null default now()
)
;;
create table operation_phases (
  id uuid primary key default gen_random_uuid(),
  operation_id uuid not null references operations (id) on delete cascade,
  name text not null,
  starts_on date not null,
  ends_on date not null,
  check (ends_on >= starts_on)
)
;;
create table operation_bureaus (
  operation_id uuid not null references operations (id) on delete cascade,
  bureau_id uuid not null references bureaus (id),
  primary key (operation_id, bureau_id)
)
;;
create index operation_bureaus_bureau on operation_bureaus (bureau_id)
;;
create table hotspots (
  operation_id uuid not null references operations (id),
  id uuid not null default gen_random_uuid(),
  owner_bureau_id uuid not null references bureaus (id),
  sharing text not null check (sharing in ('owner', 'listed', 'operation')),
  shared_with text[] not null default '{}',
  country text not null check (country ~ '^[A-Z]{2}$'),
  name text not null,
  kind text not null check (kind in ('border_crossing', 'airport', 'seaport', 'bus_terminal',
    'recruitment_office', 'massage_parlour', 'market', 'coastline_sector', 'scam_compound', 'other')),
  latitude double precision not null check (latitude between -90 and 90),
  longitude double precision not null check (longitude between -180 and 180),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  primary key (operation_id, id)
)
;;
create index hotspots_id on hotspots (id)
;;
create index hotspots_country on hotspots (operation_id, country)
;;
create table inspections (
  operation_id uuid not null,
  id uuid not null default gen_random_uuid(),
  owner_bureau_id uuid not null references bureaus (id),
  sharing text not null check (sharing in ('owner', 'listed', 'operation')),
  shared_with text[] not null default '{}',
  hotspot_id uuid not null,
  at timestamptz not null,
  kind text not null check (kind in ('premises_inspection', 'document_check', 'vehicle_check',
    'traveller_check', 'patrol')),
  persons_checked integer not null check (persons_checked >= 0),
  notes text not null default '',
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  primary key (operation_id, id),
  foreign key (operation_id, hotspot_id) references hotspots (operation_id, id)
)
;;
create index inspections_id on inspections (id)
;;
create index inspections_at on inspections (operation_id, at)
;;
create index inspections_hotspot on inspections (operation_id, hotspot_id, at)
;;
-- Live aggregation: a rollup per day, hotspot, bureau and kind, kept by statement-level triggers
-- over transition tables, so a COPY of 270,000 rows updates it in one grouped statement.
create table inspection_rollup (
  operation_id uuid not null,
  day date not null,
  hotspot_id uuid not null,
  owner_bureau_id uuid not null,
  kind text not null,
  inspections bigint not null,
  persons_checked bigint not null,
  primary key (operation_id, day, hotspot_id, owner_bureau_id, kind)
)
;;
create function inspection_rollup_add() returns trigger language plpgsql as $$
begin
  insert into inspection_rollup as r
    (operation_id, day, hotspot_id, owner_bureau_id, kind, inspections, persons_checked)
  select operation_id, (at at time zone 'UTC')::date, hotspot_id, owner_bureau_id, kind,
         count(*), sum(persons_checked)
    from changed_rows
   group by 1, 2, 3, 4, 5
  on conflict (operation_id, day, hotspot_id, owner_bureau_id, kind) do update
    set inspections = r.inspections + excluded.inspections,
        persons_checked = r.persons_checked + excluded.persons_checked;
  return null;
end $$
;;
create function inspection_rollup_remove() returns trigger language plpgsql as $$
begin
  update inspection_rollup r
     set inspections = r.inspections - g.n, persons_checked = r.persons_checked - g.p
    from (select operation_id, (at at time zone 'UTC')::date as day, hotspot_id, owner_bureau_id, kind,
                 count(*) as n, sum(persons_checked) as p
            from changed_rows group by 1, 2, 3, 4, 5) g
   where r.operation_id = g.operation_id and r.day = g.day and r.hotspot_id = g.hotspot_id
     and r.owner_bureau_id = g.owner_bureau_id and r.kind = g.kind;
  return null;
end $$
;;
create trigger inspections_rollup_insert after insert on inspections
  referencing new table as changed_rows for each statement execute function inspection_rollup_add()
;;
create trigger inspections_rollup_delete after delete on inspections
  referencing old table as changed_rows for each statement execute function inspection_rollup_remove()
;;
-- Updates to the rolled-up columns are refused: an inspection is corrected by a new record.
create function inspection_keys_frozen() returns trigger language plpgsql as $$
begin
  if (new.operation_id, new.at, new.hotspot_id, new.owner_bureau_id, new.kind, new.persons_checked)
     is distinct from
     (old.operation_id, old.at, old.hotspot_id, old.owner_bureau_id, old.kind, old.persons_checked) then
    raise exception 'inspection counts are append-only; record a correction instead';
  end if;
  return new;
end $$
;;
create trigger inspections_frozen before update on inspections
  for each row execute function inspection_keys_frozen()
;;
create table outcomes (
  operation_id uuid not null references operations (id),
  id uuid not null default gen_random_uuid(),
  owner_bureau_id uuid not null references bureaus (id),
  sharing text not null check (sharing in ('owner', 'listed', 'operation')),
  shared_with text[] not null default '{}',
  kind text not null check (kind in ('arrest', 'rescue', 'investigation', 'interception',
    'smuggler_apprehension', 'migrant_interception')),
  at timestamptz not null,
  country text not null check (country ~ '^[A-Z]{2}$'),
  hotspot_id uuid,
  persons integer not null check (persons >= 1),
  offences text[] not null default '{}' check (offences <@ array['human_trafficking', 'migrant_smuggling',
    'document_forgery', 'corruption', 'telecom_fraud', 'online_fraud', 'sexual_exploitation',
    'forced_labour', 'other']::text[]),
  investigation_status text check (investigation_status in ('open', 'closed')),
  notes text not null default '',
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  primary key (operation_id, id),
  foreign key (operation_id, hotspot_id) references hotspots (operation_id, id),
  check ((kind = 'arrest') = (cardinality(offences) > 0)),
  check ((kind = 'investigation') = (investigation_status is not null))
)
;;
create index outcomes_id on outcomes (id)
;;
create index outcomes_kind_at on outcomes (operation_id, kind, at)
;;
-- The audit trail: append-only, each entry chained to the one before by its hash.
create table audit_log (
  seq bigint primary key,
  at timestamptz not null,
  actor_user_id uuid,
  actor_bureau_id uuid,
  action text not null,
  entity text not null,
  entity_id text,
  operation_id uuid,
  detail jsonb not null default '{}',
  prev_hash text not null,
  hash text not null
)
;;
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$
;;
create trigger audit_log_no_update before update or delete or truncate on audit_log
  for each statement execute function audit_log_append_only()
;;
create table audit_head (
  id boolean primary key default true check (id),
  seq bigint not null,
  hash text not null
)
