-- Case files (C4), victim journeys, cooperation between bureaus (C5) and prevention campaigns
-- (C6). Every table carries operation_id first in its key, like the foundation's large tables.
create table cases (
  operation_id uuid not null references operations (id),
  id uuid not null default gen_random_uuid(),
  owner_bureau_id uuid not null references bureaus (id),
  sharing text not null check (sharing in ('owner', 'listed', 'operation')),
  shared_with text[] not null default '{}',
  title text not null check (length(title) between 1 and 300),
  summary text not null default '',
  status text not null check (status in ('open', 'closed')),
  opened_on date not null,
  closed_on date check (closed_on >= opened_on),
  offences text[] not null default '{}',
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (operation_id, id),
  check ((status = 'closed') = (closed_on is not null))
)
;;
create index cases_id on cases (id)
;;
create index cases_owner on cases (operation_id, owner_bureau_id, opened_on)
;;
create index cases_opened on cases (operation_id, opened_on desc, id desc)
;;
-- The outcomes (arrests, rescues, investigations, ...) a case produced.
create table case_outcomes (
  operation_id uuid not null,
  case_id uuid not null,
  outcome_id uuid not null,
  primary key (operation_id, case_id, outcome_id),
  foreign key (operation_id, case_id) references cases (operation_id, id) on delete cascade,
  foreign key (operation_id, outcome_id) references outcomes (operation_id, id)
)
;;
create index case_outcomes_outcome on case_outcomes (operation_id, outcome_id)
;;
-- A journey: how one or more victims of a case were recruited, moved, exploited and got out.
-- Forty victims recruited by the same ad and flown together share one journey.
create table journeys (
  operation_id uuid not null,
  id uuid not null default gen_random_uuid(),
  case_id uuid not null,
  recruitment jsonb,
  exploitation jsonb,
  exit jsonb,
  return_home jsonb,
  primary key (operation_id, id),
  foreign key (operation_id, case_id) references cases (operation_id, id) on delete cascade
)
;;
create index journeys_case on journeys (operation_id, case_id)
;;
create table journey_legs (
  operation_id uuid not null,
  journey_id uuid not null,
  seq integer not null check (seq >= 1),
  from_country text not null check (from_country ~ '^[A-Z]{2}$'),
  from_city text not null default '',
  to_country text not null check (to_country ~ '^[A-Z]{2}$'),
  to_city text not null default '',
  on_date date,
  mode text not null check (mode in ('air', 'land', 'sea')),
  transit boolean not null default false,
  facilitator text not null default '',
  primary key (operation_id, journey_id, seq),
  foreign key (operation_id, journey_id) references journeys (operation_id, id) on delete cascade
)
;;
create table case_persons (
  operation_id uuid not null,
  id uuid not null default gen_random_uuid(),
  case_id uuid not null,
  role text not null check (role in ('victim', 'suspect', 'recruiter', 'facilitator', 'witness')),
  name text not null default '',
  other_names jsonb not null default '[]',
  birth_date date,
  age integer check (age between 0 and 120),
  age_band text,
  gender text not null default 'unknown' check (gender in ('female', 'male', 'other', 'unknown')),
  nationalities text[] not null default '{}',
  documents jsonb not null default '[]',
  contacts jsonb not null default '[]',
  journey_id uuid,
  is_child boolean not null default false,
  notes text not null default '',
  created_at timestamptz not null default now(),
  primary key (operation_id, id),
  foreign key (operation_id, case_id) references cases (operation_id, id) on delete cascade,
  foreign key (operation_id, journey_id) references journeys (operation_id, id)
)
;;
create index case_persons_case on case_persons (operation_id, case_id)
;;
-- Cooperation requests: from one bureau to others, optionally about a case.
create table cooperation_requests (
  operation_id uuid not null references operations (id),
  id uuid not null default gen_random_uuid(),
  from_bureau_id uuid not null references bureaus (id),
  case_id uuid,
  subject text not null check (length(subject) between 1 and 300),
  priority text not null check (priority in ('normal', 'urgent')),
  due_on date,
  status text not null check (status in ('open', 'answered', 'closed')),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  closed_at timestamptz,
  primary key (operation_id, id),
  foreign key (operation_id, case_id) references cases (operation_id, id)
)
;;
create index cooperation_requests_id on cooperation_requests (id)
;;
create index cooperation_requests_from on cooperation_requests (operation_id, from_bureau_id)
;;
create table cooperation_addressees (
  operation_id uuid not null,
  request_id uuid not null,
  bureau_id uuid not null references bureaus (id),
  first_answer_at timestamptz,
  primary key (operation_id, request_id, bureau_id),
  foreign key (operation_id, request_id) references cooperation_requests (operation_id, id)
)
;;
create index cooperation_addressees_bureau on cooperation_addressees (operation_id, bureau_id)
;;
create table cooperation_messages (
  operation_id uuid not null,
  id uuid not null default gen_random_uuid(),
  request_id uuid not null,
  bureau_id uuid not null references bureaus (id),
  author_id uuid references users (id),
  body text not null check (length(body) between 1 and 20000),
  at timestamptz not null default now(),
  primary key (operation_id, id),
  foreign key (operation_id, request_id) references cooperation_requests (operation_id, id)
)
;;
create index cooperation_messages_request on cooperation_messages (operation_id, request_id, at)
;;
create table campaigns (
  operation_id uuid not null references operations (id),
  id uuid not null default gen_random_uuid(),
  owner_bureau_id uuid not null references bureaus (id),
  sharing text not null check (sharing in ('owner', 'listed', 'operation')),
  shared_with text[] not null default '{}',
  title text not null check (length(title) between 1 and 300),
  channel text not null check (channel in ('radio', 'pamphlets', 'border_outreach', 'markets',
    'massage_parlours', 'social_media', 'television', 'schools', 'other')),
  country text not null check (country ~ '^[A-Z]{2}$'),
  places text[] not null default '{}',
  audience text not null default '',
  starts_on date not null,
  ends_on date not null check (ends_on >= starts_on),
  reach integer check (reach >= 0),
  notes text not null default '',
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  primary key (operation_id, id)
)
;;
create index campaigns_id on campaigns (id)
;;
create index campaigns_starts on campaigns (operation_id, starts_on desc, id desc)
