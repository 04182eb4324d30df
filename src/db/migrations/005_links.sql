-- Links (C7, docs/entities.md): entities added by hand, hits on records the seeker may not see,
-- and candidate person matches with the analysts' decisions.

-- Entities an officer adds to a case by hand: a job ad, a scam compound, besides the kinds that
-- persons' contacts and documents already give.
alter table entity_mentions drop constraint entity_mentions_kind_check
;;
alter table entity_mentions add constraint entity_mentions_kind_check check (kind in (
  'phone', 'email', 'handle', 'url', 'domain', 'crypto_wallet', 'bank_account', 'document', 'company',
  'job_ad', 'scam_compound'))
;;
alter table entity_mentions add column created_by uuid references users (id)
;;
-- The graph walks from an identifier to its cases and from a case to its identifiers.
create index entity_mentions_person on entity_mentions (operation_id, person_id) where person_id is not null
;;

-- A hit: a bureau looked at an identifier that also sits in records it may not see. The seeker
-- holds only the hit's id (an unguessable token); which bureaus and cases hold the identifier is
-- kept here, for the holders and for sending a request without naming them.
create table entity_hits (
  operation_id uuid not null references operations (id),
  id uuid not null default gen_random_uuid(),
  seeker_bureau_id uuid not null references bureaus (id),
  kind text not null,
  value text not null,
  -- The seeker's own case where the identifier was looked at.
  seeker_case_id uuid,
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  primary key (operation_id, id),
  unique (operation_id, seeker_bureau_id, kind, value),
  foreign key (operation_id, seeker_case_id) references cases (operation_id, id) on delete set null (seeker_case_id)
)
;;
-- Each holding case of a hit: what its owner bureau is told (who looked, when, at which of its
-- cases), and whether the seeker has asked it for cooperation about the hit.
create table entity_hit_holders (
  operation_id uuid not null,
  hit_id uuid not null,
  case_id uuid not null,
  bureau_id uuid not null references bureaus (id),
  first_seen_at timestamptz not null default now(),
  primary key (operation_id, hit_id, case_id),
  foreign key (operation_id, hit_id) references entity_hits (operation_id, id) on delete cascade,
  foreign key (operation_id, case_id) references cases (operation_id, id) on delete cascade
)
;;
create index entity_hit_holders_bureau on entity_hit_holders (operation_id, bureau_id, first_seen_at desc)
;;
-- A cooperation request sent from a hit: its addressees stay unnamed to the sender until they answer.
alter table cooperation_requests add column hit_id uuid
;;
alter table cooperation_requests add constraint cooperation_requests_hit
  foreign key (operation_id, hit_id) references entity_hits (operation_id, id)
;;

-- Candidate matches between two persons of an operation, found by the person linkage model, with
-- the score, the explanation, and the analyst's decision. A pair is stored once (left < right),
-- so a decided pair is never proposed again.
create table person_matches (
  operation_id uuid not null references operations (id),
  id uuid not null default gen_random_uuid(),
  left_person_id uuid not null,
  right_person_id uuid not null check (left_person_id < right_person_id),
  score double precision not null check (score between 0 and 1),
  explanation jsonb not null default '[]',
  status text not null default 'proposed' check (status in ('proposed', 'confirmed', 'rejected')),
  decided_by uuid references users (id),
  decided_at timestamptz,
  note text not null default '',
  created_at timestamptz not null default now(),
  primary key (operation_id, id),
  unique (operation_id, left_person_id, right_person_id),
  foreign key (operation_id, left_person_id) references case_persons (operation_id, id) on delete cascade,
  foreign key (operation_id, right_person_id) references case_persons (operation_id, id) on delete cascade
)
;;
create index person_matches_status on person_matches (operation_id, status, score desc)
;;
create index person_matches_right on person_matches (operation_id, right_person_id)
