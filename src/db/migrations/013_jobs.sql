-- Background jobs (issue 14, item 4): long work (person matching, exports of a whole operation,
-- imports of large files) runs as a job. The row here is what its users see (state, progress, result) and
-- the proof that its effects happened once: a job's work commits in the same transaction that
-- moves its row from 'running' to 'completed', so a second run of it (after the process that ran
-- it first was killed, or a lease that ran out) finds the row completed and rolls back.
-- On a PostgreSQL server pg-boss (schema pgboss) delivers the jobs to the processes; on PGlite
-- the one process runs them itself.
create table jobs (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('person_matching', 'export', 'import')),
  operation_id uuid references operations (id),
  owner_bureau_id uuid not null references bureaus (id),
  created_by uuid not null references users (id),
  -- What the job was asked to do (the export's format, the import's kind and SHA-256...).
  input jsonb not null default '{}',
  state text not null default 'queued' check (state in ('queued', 'running', 'completed', 'failed', 'cancelled')),
  done bigint not null default 0 check (done >= 0),
  total bigint check (total >= 0),
  -- The answer a synchronous request would have given (counts, ids), and for a file the type of
  -- the bytes kept in job_chunks under 'result'.
  result jsonb,
  result_type text,
  error jsonb,
  attempts integer not null default 0,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz
)
;;
create index jobs_by_bureau on jobs (owner_bureau_id, created_at desc)
;;
create index jobs_unfinished on jobs (created_at) where state in ('queued', 'running')
;;
-- A job's bytes in slices of at most 1 MB: the uploaded file of an import ('input', deleted when
-- the import commits) and a file the job made ('result', an export).
create table job_chunks (
  job_id uuid not null references jobs (id) on delete cascade,
  part text not null check (part in ('input', 'result')),
  seq integer not null check (seq >= 0),
  bytes bytea not null,
  primary key (job_id, part, seq)
)
