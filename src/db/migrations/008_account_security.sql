-- Account security (issue 13, findings 6 and 7): sessions with an id, idle time, user agent and
-- address; the TOTP second factor and the last login on users; login failures counted in the
-- database, so that every process sharing it throttles the same guesses.

alter table sessions add column id uuid not null default gen_random_uuid()
;;
create unique index sessions_id on sessions (id)
;;
alter table sessions add column last_seen_at timestamptz not null default now()
;;
alter table sessions add column user_agent text check (length(user_agent) <= 300)
;;
alter table sessions add column address text check (length(address) <= 100)
;;
-- The secret being enrolled (setup) stays apart from the one in use until a code confirms it.
alter table users add column totp_secret text
;;
alter table users add column totp_pending_secret text
;;
alter table users add column totp_enabled boolean not null default false
;;
-- The RFC 6238 time step of the last code accepted: a code is accepted once.
alter table users add column totp_last_step bigint
;;
alter table users add column last_login_at timestamptz
;;
alter table users add constraint users_totp_secret check (not totp_enabled or totp_secret is not null)
;;
-- Per username tried (known or not, so that the answers do not tell them apart): consecutive
-- failures and when the last attempt began; the back-off grows from them, a success clears it.
create table login_backoff (
  username text primary key check (length(username) <= 100),
  failures integer not null check (failures >= 0),
  last_attempt_at timestamptz not null
)
;;
create index login_backoff_last on login_backoff (last_attempt_at)
;;
-- One row per failed login from a client address, kept for the window it counts in.
create table login_failures (
  id bigint generated always as identity primary key,
  address text not null check (length(address) <= 100),
  at timestamptz not null default now()
)
;;
create index login_failures_address on login_failures (address, at)
;;
create index login_failures_at on login_failures (at)
