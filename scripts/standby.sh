#!/usr/bin/env bash
# A PostgreSQL primary and a hot standby for Cordon, with Debian's PostgreSQL binaries: streaming
# replication from a base backup (pg_basebackup), synchronous commit to the standby (a write is
# acknowledged once the standby has it too), and failover by promoting the standby.
#
#   scripts/standby.sh primary DIR PORT              make and start a primary in DIR on PORT
#   scripts/standby.sh standby HOST:PORT DIR PORT    copy the primary at HOST:PORT into DIR, start it as its standby on PORT
#   scripts/standby.sh promote DIR                   the standby in DIR becomes the primary (after the primary is lost)
#   scripts/standby.sh start|stop DIR                start, or stop (fast), the server in DIR
#   scripts/standby.sh kill DIR                      stop the server in DIR at once, as a crash would (immediate)
#
# Environment: PG_BIN (the binaries; the newest /usr/lib/postgresql/*/bin), LISTEN (addresses to
# listen on; 127.0.0.1), SUPERUSER (the role initdb makes and Cordon connects as; cordon),
# REPLICATION_PASSWORD (when set, the standby connects as role `replicator` with it and every
# connection from another machine must give a password, scram-sha-256; when unset, only
# connections from this machine are allowed, without a password: for trying it out and tests),
# STANDBY_CIDR (where a standby may connect from; 127.0.0.1/32).
# Run as root, the servers run as the user `postgres` (PostgreSQL refuses to run as root) and DIR
# is given to that user.
set -euo pipefail

PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
LISTEN="${LISTEN:-127.0.0.1}"
SUPERUSER="${SUPERUSER:-cordon}"
STANDBY_CIDR="${STANDBY_CIDR:-127.0.0.1/32}"
STANDBY_NAME="cordon_standby"

die() { echo "standby.sh: $*" >&2; exit 1; }
[ -x "${PG_BIN}/pg_ctl" ] || die "no PostgreSQL binaries in PG_BIN=${PG_BIN} (apt-get install postgresql)"

# As root, run PostgreSQL's programs as `postgres`; otherwise as the caller.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
# A new folder (or an empty one) for the server: never a folder that holds something else.
fresh_dir() {
  if [ -e "$1" ] && [ -n "$(ls -A "$1")" ]; then die "$1 is not empty"; fi
  mkdir -p "$1"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$1"; fi
  chmod 700 "$1"
}
# The server's socket, in a folder only its owner may enter: local connections need no password.
socket_dir() { echo "$(dirname "$1")/.$(basename "$1").socket"; }
ctl() { as_owner "${PG_BIN}/pg_ctl" -D "$1" -l "$1/server.log" -w -t 60 "${@:2}"; }

primary() {
  local dir="$1" port="$2"
  fresh_dir "${dir}"
  fresh_dir "$(socket_dir "${dir}")"
  local auth="trust"
  [ -z "${REPLICATION_PASSWORD:-}" ] || auth="scram-sha-256"
  as_owner "${PG_BIN}/initdb" -D "${dir}" -U "${SUPERUSER}" --auth-local=trust --auth-host="${auth}" --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  cat >>"${dir}/postgresql.conf" <<EOF

# scripts/standby.sh: a primary with one synchronous standby
port = ${port}
listen_addresses = '${LISTEN}'
unix_socket_directories = '$(socket_dir "${dir}")'
wal_level = replica
max_wal_senders = 5
max_replication_slots = 5
wal_keep_size = 256MB
max_slot_wal_keep_size = 10GB
hot_standby = on
synchronous_commit = on
EOF
  if [ -n "${REPLICATION_PASSWORD:-}" ]; then
    echo "host replication replicator ${STANDBY_CIDR} scram-sha-256" >>"${dir}/pg_hba.conf"
  else
    echo "host replication all ${STANDBY_CIDR} trust" >>"${dir}/pg_hba.conf"
  fi
  ctl "${dir}" start >/dev/null
  if [ -n "${REPLICATION_PASSWORD:-}" ]; then
    # On standard input, not the command line, where any local user could read it.
    as_owner "${PG_BIN}/psql" -h "$(socket_dir "${dir}")" -p "${port}" -U "${SUPERUSER}" -d postgres -q -v ON_ERROR_STOP=1 \
      <<<"create role replicator with replication login password '${REPLICATION_PASSWORD//\'/\'\'}'"
  fi
  # From now on a commit is acknowledged once the standby has it too: until a standby is made
  # (`standby`), commits wait for it.
  echo "synchronous_standby_names = 'FIRST 1 (${STANDBY_NAME})'" >>"${dir}/postgresql.conf"
  ctl "${dir}" reload >/dev/null
  echo "primary on port ${port} in ${dir}"
}

standby() {
  local source="$1" dir="$2" port="$3"
  local host="${source%:*}" source_port="${source##*:}"
  fresh_dir "${dir}"
  fresh_dir "$(socket_dir "${dir}")"
  local user="${SUPERUSER}"
  [ -z "${REPLICATION_PASSWORD:-}" ] || user="replicator"
  # -R writes standby.signal and primary_conninfo (quoted as it must be, with the application name
  # the primary's synchronous_standby_names waits for); the slot keeps the WAL the standby needs.
  PGPASSWORD="${REPLICATION_PASSWORD:-}" PGAPPNAME="${STANDBY_NAME}" as_owner "${PG_BIN}/pg_basebackup" \
    -h "${host}" -p "${source_port}" -U "${user}" -D "${dir}" -X stream -R -C -S "${STANDBY_NAME}" --checkpoint=fast
  cat >>"${dir}/postgresql.auto.conf" <<EOF
port = ${port}
unix_socket_directories = '$(socket_dir "${dir}")'
EOF
  ctl "${dir}" start >/dev/null
  echo "standby of ${source} on port ${port} in ${dir}"
}

promote() {
  local dir="$1"
  ctl "${dir}" promote >/dev/null
  # The promoted server has no standby of its own yet: with the primary's synchronous_standby_names
  # every commit would wait for one forever. It commits alone until a new standby is made of it
  # (`standby` against it, then set synchronous_standby_names again).
  local port
  port="$(sed -n "s/^port = \([0-9]*\)$/\1/p" "${dir}/postgresql.auto.conf" | tail -1)"
  as_owner "${PG_BIN}/psql" -h "$(socket_dir "${dir}")" -p "${port}" -U "${SUPERUSER}" -d postgres -q -v ON_ERROR_STOP=1 \
    -c "alter system set synchronous_standby_names = ''" -c "select pg_reload_conf()" >/dev/null
  echo "promoted ${dir}: it commits without a synchronous standby until a new one is made"
}

case "${1:-}" in
  primary) [ $# -eq 3 ] || die "usage: primary DIR PORT"; primary "$2" "$3" ;;
  standby) [ $# -eq 4 ] || die "usage: standby HOST:PORT DIR PORT"; standby "$2" "$3" "$4" ;;
  promote) [ $# -eq 2 ] || die "usage: promote DIR"; promote "$2" ;;
  start) [ $# -eq 2 ] || die "usage: start DIR"; ctl "$2" start >/dev/null ;;
  stop) [ $# -eq 2 ] || die "usage: stop DIR"; ctl "$2" stop -m fast >/dev/null ;;
  kill) [ $# -eq 2 ] || die "usage: kill DIR"; ctl "$2" stop -m immediate >/dev/null ;;
  *) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
