# Makes a local PostgreSQL server available to the store tests and exports the
# connection string Backstage's TestDatabases reads. Sourced by script/test.

ensure_postgres() {
  export BACKSTAGE_TEST_DISABLE_DOCKER=1
  if [ -n "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
    log "Using PostgreSQL from BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING"
    return 0
  fi
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    if [ "$(id -u)" != 0 ]; then
      warn "PostgreSQL is not installed and this is not root: store tests run on SQLITE ONLY."
      warn "Install the Debian package 'postgresql' or set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING."
      return 0
    fi
    log "Installing PostgreSQL from Debian's packages"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  local version
  version=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -n 1)
  if [ -z "$version" ]; then
    warn "No PostgreSQL cluster found: store tests run on SQLITE ONLY."
    return 0
  fi
  pg_ctlcluster "$version" main start 2>/dev/null || true
  local i
  for i in $(seq 1 30); do
    su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
    sleep 1
  done
  su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
  local port
  port=$(su postgres -c "psql -qtAc 'show port'")
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres:postgres@localhost:${port}"
  log "PostgreSQL $version on port $port"
}
