# Shared by script/*: puts the project's toolchain on PATH. Sourced, not run.
# Backstage 1.57 needs Node 22 or 24. Where the system Node is older we keep a
# project-local Node 22 (with its C headers, so native addons such as
# better-sqlite3 compile against it) under .tools/.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
export FLYWHEEL_ROOT="$ROOT"

log() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
warn() { printf '\033[1;33m!!! %s\033[0m\n' "$*" >&2; }

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

use_local_node() {
  local dir
  dir=$(ls -d "$TOOLS"/node_modules/node/node_modules/node-linux-* 2>/dev/null | head -n 1)
  [ -n "$dir" ] && [ -x "$dir/bin/node" ] || return 1
  export PATH="$dir/bin:$TOOLS/bin:$PATH"
  # node-gyp must build against the headers of the Node that runs it.
  export npm_config_nodedir="$dir"
  return 0
}

setup_path() {
  mkdir -p "$TOOLS/bin"
  # A yarn shim that runs the release committed in .yarn/releases: no global
  # Yarn and no corepack download needed.
  local release
  release=$(ls "$ROOT"/.yarn/releases/yarn-*.cjs | head -n 1)
  cat > "$TOOLS/bin/yarn" <<SHIM
#!/bin/sh
exec node "$release" "\$@"
SHIM
  chmod +x "$TOOLS/bin/yarn"
  export PATH="$TOOLS/bin:$PATH"
  local major
  major=$(node_major)
  if [ "$major" != 22 ] && [ "$major" != 24 ]; then
    use_local_node || return 1
  fi
  return 0
}

# Debian's Chromium for the browser tests (Playwright never downloads one here).
ensure_chromium() {
  if [ -n "${FLYWHEEL_CHROMIUM:-}" ] || command -v chromium >/dev/null 2>&1; then
    return 0
  fi
  if [ "$(id -u)" != 0 ]; then
    warn "Chromium is missing and this is not root: install Debian's 'chromium' package or set FLYWHEEL_CHROMIUM."
    return 1
  fi
  log "Installing Chromium from Debian's packages"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}
