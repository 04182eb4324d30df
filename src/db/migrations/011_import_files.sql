-- The files imported into an operation (issue 14, item 3): each import records its file's SHA-256
-- in the import's own transaction, and a second import of the same file into the same operation,
-- by the same bureau and of the same kind, is refused unless the importer forces it. A field
-- office that uploads a day's file twice after a timeout does not count the day twice.
--
-- The check is per bureau: an import by another bureau is that bureau's record, and telling a
-- bureau that another one imported a given file would say more than its sharing allows.
create table import_files (
  id uuid primary key default gen_random_uuid(),
  operation_id uuid not null references operations (id),
  owner_bureau_id uuid not null references bureaus (id),
  kind text not null check (kind in ('inspection', 'outcome')),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  rows integer not null check (rows >= 0),
  bytes bigint not null check (bytes >= 0),
  -- True when the importer said the file was to be imported again.
  forced boolean not null default false,
  created_by uuid references users (id),
  created_at timestamptz not null default now()
)
;;
-- Two unforced imports of one file racing on two processes: the second waits for the first to
-- commit, then fails here, and its rows roll back with it.
create unique index import_files_once on import_files (operation_id, owner_bureau_id, kind, sha256) where not forced
