-- Entities (C7): identifiers as they appear in a case — a person's phone, handle or passport, a
-- case's job ad or wallet — normalised so that the same one links cases across bureaus. A mention
-- has no sharing of its own: who may see it is who may see its case (docs/entities.md).
create table entity_mentions (
  operation_id uuid not null,
  id uuid not null default gen_random_uuid(),
  case_id uuid not null,
  person_id uuid,
  kind text not null check (kind in ('phone', 'email', 'handle', 'url', 'domain', 'crypto_wallet', 'bank_account', 'document', 'company')),
  raw text not null check (length(raw) between 1 and 500),
  value text not null,
  valid boolean not null,
  problem text,
  details jsonb not null default '{}',
  source text not null check (source in ('contact', 'document', 'manual')),
  -- The order it was written in within its case (persons in order, then their contacts and documents).
  position integer not null,
  created_at timestamptz not null default now(),
  primary key (operation_id, id),
  foreign key (operation_id, case_id) references cases (operation_id, id) on delete cascade,
  foreign key (operation_id, person_id) references case_persons (operation_id, id) on delete cascade
)
;;
create index entity_mentions_case on entity_mentions (operation_id, case_id)
;;
-- Exact links: the same valid identifier in other cases of the operation.
create index entity_mentions_value on entity_mentions (operation_id, kind, value) where valid
