#!/bin/sh
# ops/varnish/backends.sh HOST:PORT…  prints the backends.vcl that default.vcl includes: one
# backend per IPv4 address each HOST resolves to (every replica of a compose service: Docker's
# DNS answers a scaled service's name with all of them), all in the `site` round-robin director.
set -eu
[ "$#" -gt 0 ] || { echo "usage: $0 HOST:PORT..." >&2; exit 2; }
n=0
for target in "$@"; do
  host=${target%:*}
  port=${target##*:}
  for address in $(getent ahostsv4 "$host" | awk '{ print $1 }' | sort -u); do
    printf 'backend site_%d {\n  .host = "%s";\n  .port = "%s";\n  .probe = site_health;\n  .connect_timeout = 1s;\n  .first_byte_timeout = 15s;\n}\n\n' "$n" "$address" "$port"
    n=$((n + 1))
  done
done
# Until a replica resolves, a backend nothing listens on (port 9, discard), always sick: every
# request gets the 503 page, and start.sh reloads once replicas resolve. (It uses the probe:
# Varnish refuses a VCL with an unused one.)
if [ "$n" -eq 0 ]; then
  printf 'backend site_0 {\n  .host = "127.0.0.1";\n  .port = "9";\n  .probe = site_health;\n}\n\n'
  n=1
fi
printf 'sub vcl_init {\n  new site = directors.round_robin();\n'
i=0
while [ "$i" -lt "$n" ]; do
  printf '  site.add_backend(site_%d);\n' "$i"
  i=$((i + 1))
done
printf '}\n'
