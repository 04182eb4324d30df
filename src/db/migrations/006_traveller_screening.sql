-- Traveller screening at checkpoints (C10, docs/travellers.md): an operation's changes to the
-- default indicator checklist, and the screenings officers acted on. A screening holds which red
-- flags were ticked, the score and the decision; never a name or a document number.

-- Indicators as [{ id, weight, enabled, category?, labels? }]: weights and switches for the
-- defaults, and the operation's own indicators with their labels per language.
create table operation_traveller_checklists (
  operation_id uuid primary key references operations (id) on delete cascade,
  indicators jsonb not null check (jsonb_typeof(indicators) = 'array'),
  updated_by uuid references users (id),
  updated_at timestamptz not null default now()
)
;;
create table traveller_screenings (
  operation_id uuid not null references operations (id),
  id uuid not null default gen_random_uuid(),
  owner_bureau_id uuid not null references bureaus (id),
  sharing text not null check (sharing in ('owner', 'listed', 'operation')),
  shared_with text[] not null default '{}',
  hotspot_id uuid not null,
  at timestamptz not null,
  indicators text[] not null check (cardinality(indicators) between 1 and 100),
  score integer not null check (score >= 0),
  level text not null check (level in ('low', 'medium', 'high')),
  recommended_action text not null check (recommended_action in ('clear', 'secondary_interview',
    'intercept_and_refer', 'refer_to_specialist')),
  action_taken text not null check (action_taken in ('intercepted', 'referred_to_specialist')),
  travellers integer not null check (travellers between 1 and 500),
  -- The interception the screening was recorded as.
  outcome_id uuid not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  primary key (operation_id, id),
  unique (operation_id, outcome_id),
  foreign key (operation_id, hotspot_id) references hotspots (operation_id, id),
  foreign key (operation_id, outcome_id) references outcomes (operation_id, id)
)
;;
create index traveller_screenings_at on traveller_screenings (operation_id, at desc, id desc)
;;
create index traveller_screenings_id on traveller_screenings (id)
