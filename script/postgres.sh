# Makes a local PostgreSQL server available to the store tests and exports the
# connection string Backstage's TestDatabases reads. Sourced by script/test.
#
# Without a server TestDatabases leaves PostgreSQL out of eachSupportedId()
# and its store-test cases silently never run. So under CI (CI set) a missing
# PostgreSQL fails script/test; elsewhere it warns loudly and the store tests
# run on SQLite only (the summary line shows how many ran on each engine).

postgres_missing() {
  if [ -n "${CI:-}" ]; then
    warn "FAIL: $*"
    warn "Under CI every store test must run on PostgreSQL too: run script/test as root (it installs"
    warn "Debian's 'postgresql' package) or set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING."
    exit 1
  fi
  warn "$*"
  warn "STORE TESTS RUN ON SQLITE ONLY: about half of them (every PostgreSQL case) will not run."
  warn "Install Debian's 'postgresql' package (script/test does it as root) or set"
  warn "BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING."
  return 0
}

ensure_postgres() {
  export BACKSTAGE_TEST_DISABLE_DOCKER=1
  if [ -n "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
    log "Using PostgreSQL from BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING"
    return 0
  fi
  if [ "$(id -u)" != 0 ]; then
    # Starting a cluster and setting the password below need root (su postgres).
    postgres_missing "PostgreSQL cannot be set up: this is not root and BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set."
    return 0
  fi
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    log "Installing PostgreSQL from Debian's packages"
    if ! { apt-get update -qq >/dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }; then
      postgres_missing "PostgreSQL could not be installed (apt-get install postgresql failed)."
      return 0
    fi
  fi
  local version
  version=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -n 1)
  if [ -z "$version" ]; then
    postgres_missing "No PostgreSQL cluster found under /etc/postgresql."
    return 0
  fi
  pg_ctlcluster "$version" main start 2>/dev/null || true
  local i ready=
  for i in $(seq 1 30); do
    if su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1; then
      ready=1
      break
    fi
    sleep 1
  done
  if [ -z "$ready" ]; then
    postgres_missing "PostgreSQL $version did not accept connections within 30 seconds."
    return 0
  fi
  su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
  local port
  port=$(su postgres -c "psql -qtAc 'show port'")
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres:postgres@localhost:${port}"
  log "PostgreSQL $version on port $port"
}
