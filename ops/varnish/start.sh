#!/bin/sh
# The varnish service's entrypoint (docker-compose.yml): varnishd with default.vcl and a backend
# per replica of SITE_BACKENDS (host:port, e.g. web:4321), on :80 for visitors and on :8081
# for purges (never published). Replicas come and go (`--scale web=3`, restarts give new
# addresses): every 5 s the addresses are resolved again and, when they changed, the VCL is
# reloaded with the new backends; objects in the cache stay.
set -eu
: "${SITE_BACKENDS:?set SITE_BACKENDS to the site replicas as host:port, e.g. web:4321}"
export SITE_VCL_DIR="${SITE_VCL_DIR:-$(cd "$(dirname "$0")" && pwd)}"
generated="${VARNISH_GENERATED_DIR:-/tmp/varnish-site}"
mkdir -p "$generated"
# shellcheck disable=SC2086 # one argument per host:port
sh "$SITE_VCL_DIR/backends.sh" $SITE_BACKENDS > "$generated/backends.vcl"

(
  loaded=0
  while sleep 5; do
    # shellcheck disable=SC2086
    sh "$SITE_VCL_DIR/backends.sh" $SITE_BACKENDS > "$generated/next.vcl" 2>/dev/null || continue
    if ! cmp -s "$generated/next.vcl" "$generated/backends.vcl"; then
      # vcl.load reads backends.vcl through vcl_path: the new one goes in place, and the one in
      # use comes back if the load fails, so that the next round tries again.
      cp "$generated/backends.vcl" "$generated/in-use.vcl"
      mv "$generated/next.vcl" "$generated/backends.vcl"
      loaded=$((loaded + 1))
      if varnishadm vcl.load "site_$loaded" "$SITE_VCL_DIR/default.vcl" >/dev/null && varnishadm vcl.use "site_$loaded" >/dev/null; then
        echo "varnish: replicas changed, VCL site_$loaded in use: $(grep -c '^backend site_[0-9]' "$generated/backends.vcl") backends"
        varnishadm vcl.list | awk '$1 == "available" { print $NF }' | grep '^site_\|^boot$' | while read -r old; do varnishadm vcl.discard "$old" >/dev/null 2>&1 || true; done
      else
        echo "varnish: loading the VCL for the new replicas failed; keeping the one in use" >&2
        mv "$generated/in-use.vcl" "$generated/backends.vcl"
      fi
    fi
  done
) &

# Listeners on the loopback interface unless told (VARNISH_LISTEN_ADDRESS=0.0.0.0 in the compose
# stack, where the container's own network is private): run by hand, nothing else reaches them.
# Pages and media in storages of their own, so images never push pages out.
# timeout_idle: a client connection left idle is kept longer than the proxy in front keeps its own
# (nginx 60 s, Caddy and Node 65 s): with Varnish's default of 5 s, a proxy (or a test's fetch)
# reusing a connection Varnish has just closed gets "connection reset", which visitors see as 502s.
exec varnishd -F \
  -f "$SITE_VCL_DIR/default.vcl" \
  -p vcl_path="$generated:$SITE_VCL_DIR:/usr/share/varnish/vcl" \
  -a http="${VARNISH_LISTEN_ADDRESS:-127.0.0.1}":"${VARNISH_HTTP_PORT:-80}",HTTP \
  -a purge="${VARNISH_LISTEN_ADDRESS:-127.0.0.1}":"${VARNISH_PURGE_PORT:-8081}",HTTP \
  -p feature=+http2 \
  -p timeout_idle=75 \
  -s pages=malloc,"${VARNISH_SIZE:-256M}" \
  -s media=malloc,"${VARNISH_MEDIA_SIZE:-256M}" \
  "$@"
