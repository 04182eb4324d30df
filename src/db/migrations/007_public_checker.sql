-- The public job-offer checker (C11, docs/screening.md): the helplines it shows per country, set
-- per operation, and the offers members of the public chose to report. Checking an offer stores
-- nothing; only "report this offer" writes a row, owned by the bureau of the country picked.

create table operation_helplines (
  operation_id uuid not null references operations (id) on delete cascade,
  country text not null check (country ~ '^[A-Z]{2}$'),
  position integer not null check (position >= 0),
  name text not null check (length(name) between 1 and 200),
  phone text check (length(phone) <= 40),
  url text check (length(url) <= 500),
  hours text check (length(hours) <= 200),
  updated_by uuid references users (id),
  updated_at timestamptz not null default now(),
  primary key (operation_id, country, position),
  check (phone is not null or url is not null)
)
;;
create table public_reports (
  operation_id uuid not null references operations (id),
  id uuid not null default gen_random_uuid(),
  owner_bureau_id uuid not null references bureaus (id),
  sharing text not null default 'owner' check (sharing in ('owner', 'listed', 'operation')),
  shared_with text[] not null default '{}',
  -- The country the person picked: where the offer was seen or where they live.
  country text not null check (country ~ '^[A-Z]{2}$'),
  -- The page's language when they reported.
  language text not null,
  -- The offer as pasted (text, and title, pay, location, contact, url, company when given).
  ad jsonb not null,
  score real not null check (score >= 0 and score <= 1),
  level text not null check (level in ('low', 'medium', 'high')),
  flags text[] not null default '{}',
  -- Only when the person chose to leave a way to reach them.
  reporter_contact text check (length(reporter_contact) <= 200),
  status text not null default 'new' check (status in ('new', 'reviewed', 'dismissed')),
  reviewed_by uuid references users (id),
  created_at timestamptz not null default now(),
  primary key (operation_id, id)
)
;;
create index public_reports_inbox on public_reports (operation_id, owner_bureau_id, created_at desc)
;;
-- A report is looked up by its id alone (marking it reviewed).
create index public_reports_id on public_reports (id)
;;
