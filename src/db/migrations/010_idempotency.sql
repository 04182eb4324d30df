-- Idempotent writes (issue 14, item 3): a POST sent with an Idempotency-Key header is carried out
-- once per user and key; a retry within 24 hours gets the first answer back (same id, same
-- status) and writes nothing again, also when the two requests race on two processes.
--
-- A row is taken (state 'pending') before the handler runs, by the attempt whose `token` it
-- holds. The transaction that makes the change marks it 'written' (from the audit entry, which
-- every change appends last in its transaction): so a row still 'pending' proves that nothing was
-- written, and another attempt may take it over once its lease has lapsed. The answer is stored
-- ('done') before it is sent.
create table idempotency_keys (
  -- The user's id, or 'public' for the routes that need no sign-in.
  scope text not null,
  key text not null check (length(key) between 1 and 255),
  -- SHA-256 of the method, the URL and the body: the same key with another request is refused.
  fingerprint text not null check (length(fingerprint) = 64),
  token uuid not null,
  state text not null check (state in ('pending', 'written', 'done')),
  -- The holding attempt renews this while it runs; a pending row left older than the lease is free.
  locked_at timestamptz not null default now(),
  status integer,
  content_type text,
  body text,
  entity text,
  entity_id text,
  created_at timestamptz not null default now(),
  primary key (scope, key)
)
;;
create index idempotency_keys_created on idempotency_keys (created_at)
