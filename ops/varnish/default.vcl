vcl 4.1;
# The shared page cache in front of the site's replicas (docker-compose.yml's `varnish`, and the
# integration test web/tests/integration/edgeCache.test.ts). The site runs with PAGE_CACHE=edge:
# it says in CDN-Cache-Control how long a response may be kept (max-age), served stale while
# one request fetches it again (stale-while-revalidate) and served stale while no replica
# answers (stale-if-error); it names in Cache-Tag what purges it, and purges by those tags
# through the purge listener when the CMS says something changed. A page holding a form is kept
# with an ESI include where the form's token goes (Surrogate-Control: content="ESI/1.0"), and
# Varnish fills in a fresh token from a replica each time it sends the page (/form-token/, never
# kept); the form's POST goes to a replica every time.

import directors;
import std;
import vsthrottle;
import xkey;

# Each replica is checked on its health address; one that fails is left out of the rotation.
probe site_health {
  .url = "/api/health";
  .timeout = 2s;
  .interval = 2s;
  .window = 3;
  .threshold = 2;
  .initial = 2;
}

# One backend per replica and the `site` round-robin director, written at start by
# ops/varnish/backends.sh (found through vcl_path).
include "backends.vcl";

acl purgers {
  "127.0.0.1";
  "::1";
  "10.0.0.0"/8;
  "172.16.0.0"/12;
  "192.168.0.0"/16;
  "fc00::"/7;
}

sub vcl_recv {
  set req.backend_hint = site.backend();

  # Purges and warm-ups come from inside the private network (the replicas, the CMS, ops on the
  # host), on the purge listener (`-a purge=…`, never published), and carry EDGE_PURGE_SECRET.
  if (req.method == "PURGE" && local.socket != "purge") {
    return (synth(403, "Purges are accepted only on the purge listener, from the private network"));
  }
  if (local.socket == "purge") {
    if (client.ip !~ purgers) {
      return (synth(403, "Purges are accepted only on the purge listener, from the private network"));
    }
    # VCL compares strings as they come, not in constant time: whoever sends wrong secrets gets
    # 10 tries a minute, then none for 10 minutes, far too few to learn anything from the timing.
    if (vsthrottle.blocked("purge-secret " + client.ip, 10, 60s, 600s) > 0s) {
      return (synth(429, "Too many wrong purge secrets; try again later"));
    }
    # An unset or short secret refuses every purge rather than accepting an empty header.
    if (std.getenv("EDGE_PURGE_SECRET") ~ "^.{0,31}$" || req.http.X-Purge-Secret != std.getenv("EDGE_PURGE_SECRET")) {
      if (vsthrottle.is_denied("purge-secret " + client.ip, 10, 60s, 600s)) {
        return (synth(429, "Too many wrong purge secrets; try again later"));
      }
      return (synth(403, "Missing or wrong X-Purge-Secret"));
    }
    unset req.http.X-Purge-Secret;
    if (req.method == "PURGE") {
      # A soft purge (X-Purge-Soft) marks the tags' objects stale, kept for their grace: the
      # first step of a purge with warm-ups (below).
      if (req.http.X-Purge-Soft) {
        if (!req.http.X-Purge-Tags) {
          return (synth(400, "A soft purge takes X-Purge-Tags"));
        }
        set req.http.X-Purged = xkey.softpurge(req.http.X-Purge-Tags);
        return (synth(200, "Marked " + req.http.X-Purged + " objects stale"));
      }
      if (req.http.X-Purge-Tags) {
        set req.http.X-Purged = xkey.purge(req.http.X-Purge-Tags);
        return (synth(200, "Purged " + req.http.X-Purged + " objects"));
      }
      return (purge);
    }
    # A warm-up (web/src/lib/cache/edgeWarmUp.ts), between the soft purge and the purge of the
    # same tags: a HEAD of an address whose copy is now stale is a hit in grace, which starts a
    # background fetch of the page from a replica and answers at once. The purge then drops the
    # stale copy but not the fetch under way (it is not kept yet), so visitors wait for that fetch
    # (it is kept for them) instead of each starting a render; none sees the stale copy after the
    # purge. An address not kept here is not fetched (vcl_miss): nobody asked for it lately.
    if (req.method != "HEAD" || !req.http.X-Warm-Up) {
      return (synth(403, "The purge listener takes purges and warm-ups (HEAD with X-Warm-Up) only"));
    }
    # Only what is kept is warmed: never what goes to a replica every time (below).
    if (req.url ~ "^/(preview|api|search|form-token)(/|\?|$)" || req.http.Authorization) {
      return (synth(403, "Not an address the cache keeps"));
    }
  } else {
    unset req.http.X-Warm-Up;
  }

  # At most gzip, for every request, passes too. An answer may hold ESI (a page with a form, also
  # when it is passed: a hit-for-miss), and Varnish reads ESI only in a gzip or an
  # uncompressed body: it would send a brotli one with its <esi:include> unread, or splice brotli
  # bytes into a page. A lookup's fetch is asked for gzip by Varnish itself (http_gzip_support),
  # but a pass (a form's POST, /form-token/, search, preview) takes the client's Accept-Encoding
  # as it came, and the replicas answer brotli to a browser that takes it. An ESI fragment (a
  # form's token, a few bytes) is asked for uncompressed and spliced into the page as it is:
  # Varnish gzips it on the way out when the page goes out gzipped.
  if (req.esi_level > 0) {
    unset req.http.Accept-Encoding;
  } elsif (req.http.Accept-Encoding ~ "(?i)(^|,)\s*gzip\s*(;|,|$)" && req.http.Accept-Encoding !~ "(?i)(^|,)\s*gzip\s*;\s*q=0(\.0*)?\s*(,|$)") {
    set req.http.Accept-Encoding = "gzip";
  } else {
    unset req.http.Accept-Encoding;
  }

  # The site answers other methods itself: a form's POST to its page's address (answered 303,
  # or the page again with the visitor's own words in it, which no other visitor may be sent),
  # the webhook's POST, 405 for the rest. Never from the cache, never kept.
  if (req.method != "GET" && req.method != "HEAD") {
    return (pass);
  }
  # Staff preview, the API (health, webhook, preview sessions), search results and a form's
  # token (the ESI fragment a page with a form includes, signed for one visitor at one time)
  # are per request: they go to a replica every time. The token is passed here whatever its
  # answer's headers say: one kept would be every visitor's.
  if (req.url ~ "^/(preview|api|search|form-token)(/|\?|$)" || req.http.Authorization) {
    return (pass);
  }
  # The image endpoint reads its query (address, file version, width), and media files their
  # version; nothing else does, so a query never splits the cache (?utm_source=… is the same
  # page) and is not passed on. A rendition's query is the one the site writes, in one of its
  # formats at that format's quality and at one of its widths, whole or of one of its crops (whose
  # widths the site checks) (web/src/lib/images/renditions.ts, renditionAddress.ts): any other (junk parameters, other widths)
  # is refused here, so made-up image addresses fill no cache. The version (web/src/lib/http/uploads.ts)
  # changes when the CMS replaces the file at the same /uploads address.
  if (req.url ~ "^/_image\?") {
    set req.url = std.querysort(req.url);
    if (req.url !~ "^/_image\?(crop=4x3-(0|30|50|70|100)&)?f=(avif&href=%2Fuploads%2F[A-Za-z0-9][A-Za-z0-9._%-]*&q=50|webp&href=%2Fuploads%2F[A-Za-z0-9][A-Za-z0-9._%-]*&q=62)&v=[0-9a-f]{10}&w=(360|480|640|828|1080|1280|1600|1920)$") {
      return (synth(400, "Not an image address the site writes"));
    }
  } elsif (req.url ~ "^/uploads/[^?]*\?v=[0-9a-f]{10}$") {
    # A media file at its version: kept apart from its bare address, which browsers check again.
  } else {
    set req.url = regsub(req.url, "\?.*$", "");
  }
  # Public pages read no cookie (the preview cookie belongs to /preview/).
  unset req.http.Cookie;
  return (hash);
}

sub vcl_miss {
  if (req.http.X-Warm-Up) {
    return (synth(200, "Not kept here: nothing to warm"));
  }
}

# The key is the path (and the image endpoint's query): not the Host a request came in on,
# so a purge by address from the purge listener finds the object too.
sub vcl_hash {
  hash_data(req.url);
  return (lookup);
}

sub vcl_backend_fetch {
  # This cache fills in ESI includes (the forms' tokens): the site may rely on it. Set here,
  # so that what a client sent in that name never reaches a replica.
  set bereq.http.Surrogate-Capability = {"varnish="ESI/1.0""};
  # A warm-up's fetch follows a change: the stale copy's validators (were the site ever to send
  # any) must not get it a 304 that keeps the old page. Otherwise it is a visitor's fetch.
  if (bereq.http.X-Warm-Up) {
    unset bereq.http.If-Modified-Since;
    unset bereq.http.If-None-Match;
    unset bereq.http.X-Warm-Up;
  }
}

sub vcl_backend_response {
  # While the CMS is down, a replica asked to refresh a stale page answers 5xx (it has no copy of
  # that page) or renders it from its own last good copies (X-Stale-Content), which may be older
  # than the copy here: the copy here is kept and served, not replaced.
  if (bereq.is_bgfetch && (beresp.status >= 500 || beresp.http.X-Stale-Content)) {
    return (abandon);
  }
  # A page with a form (Surrogate-Control: content="ESI/1.0", the site's edge mode) is kept with
  # its <esi:include src="/form-token/<kind>/"/>; each time it is sent, Varnish fetches that
  # fragment from a replica (a pass, vcl_recv), so every visitor of a kept page gets a token of
  # their own. The header is this cache's alone: browsers never see it.
  if (beresp.http.Surrogate-Control ~ "ESI/1\.0") {
    set beresp.do_esi = true;
    # Marks the answer: what is sent of it holds one visitor's token (vcl_deliver), kept copy or
    # not (a hit-for-miss is filled too). The site never sends a POST's answer with slots.
    set beresp.http.X-Form-Slots = "1";
  }
  unset beresp.http.Surrogate-Control;
  # A token the replica could not make: nothing in the form rather than an error page inside it
  # (Varnish splices whatever the fragment's answer holds); the site then asks the visitor to
  # send the form again.
  if (bereq.url ~ "^/form-token/" && beresp.status >= 500) {
    return (error(503));
  }
  if (beresp.http.CDN-Cache-Control ~ "(^|,)\s*max-age=\d+") {
    set beresp.ttl = std.duration(regsub(beresp.http.CDN-Cache-Control, "^.*(?:^|,)\s*max-age=(\d+).*$", "\1") + "s", 0s);
    # Grace covers both stale-while-revalidate (a replica answers: one background fetch) and
    # stale-if-error (none answers: the stale copy is all there is), whichever is longer.
    set beresp.grace = 0s;
    if (beresp.http.CDN-Cache-Control ~ "stale-while-revalidate=\d+") {
      set beresp.grace = std.duration(regsub(beresp.http.CDN-Cache-Control, "^.*stale-while-revalidate=(\d+).*$", "\1") + "s", 0s);
    }
    if (beresp.http.CDN-Cache-Control ~ "stale-if-error=\d+" && std.duration(regsub(beresp.http.CDN-Cache-Control, "^.*stale-if-error=(\d+).*$", "\1") + "s", 0s) > beresp.grace) {
      set beresp.grace = std.duration(regsub(beresp.http.CDN-Cache-Control, "^.*stale-if-error=(\d+).*$", "\1") + "s", 0s);
    }
  }
  # Pages (and everything that is not media) in the pages' storage: Varnish otherwise hands each
  # new object to its storages in turn, and every other page would land among the media (the
  # benchmark's image flood found half its warm pages pushed out).
  set beresp.storage = storage.pages;
  # Media is kept by browsers for a year at a versioned address, but a file deleted in the CMS
  # must not stay public here for a year: the shared copy is checked again after an hour at the
  # latest (a replace or a delete purges it at once, by the file's tag). It is kept in a storage
  # of its own (start.sh: -s media=…), so no number of images pushes a page out.
  if (bereq.url ~ "^/(uploads/|_image\?)") {
    set beresp.storage = storage.media;
    if (beresp.ttl > 1h) {
      set beresp.ttl = 1h;
    }
  }
  # Pages are kept gzipped, as the replicas send them (Varnish asks them for gzip: http_gzip_support),
  # and sent so to clients that take gzip; only a client that does not pays for un-gzipping
  # (docs/decisions/0003-varnish-keeps-pages-gzipped.md).
  # xkey indexes objects by the space-separated keys of this header.
  if (beresp.http.Cache-Tag) {
    set beresp.http.xkey = regsuball(beresp.http.Cache-Tag, "\s*,\s*", " ");
  }
  # Varnish's built-in rules follow: Set-Cookie, no-store, private, Vary: * are never kept.
}

# No replica answered and nothing was kept: the site's own words for it, not Varnish's error page.
sub vcl_backend_error {
  # A background fetch (stale-while-revalidate) that failed keeps the stale copy in place.
  if (bereq.is_bgfetch) {
    return (abandon);
  }
  # A form's token that could not be had: an empty fragment (see vcl_backend_response), not the
  # error page below in the middle of a form.
  if (bereq.url ~ "^/form-token/") {
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Cache-Control = "no-store";
    set beresp.body = "";
    return (deliver);
  }
  set beresp.http.Content-Type = "text/html; charset=utf-8";
  set beresp.reason = "Service Unavailable";
  set beresp.http.Retry-After = "30";
  set beresp.http.Cache-Control = "no-store";
  set beresp.http.X-Content-Type-Options = "nosniff";
  set beresp.http.Content-Security-Policy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
  set beresp.http.Referrer-Policy = "strict-origin-when-cross-origin";
  # SITE_VCL_DIR: this folder, wherever it is mounted (the compose service sets it).
  set beresp.body = std.fileread(std.getenv("SITE_VCL_DIR") + "/503.html");
  return (deliver);
}

sub vcl_deliver {
  # A page with its forms' tokens filled in is this visitor's: no cache after this one may keep
  # it for the next (its token would be spent twice), and the browser asks again each time.
  if (resp.http.X-Form-Slots) {
    set resp.http.Cache-Control = "private, no-cache";
    unset resp.http.X-Form-Slots;
  }
  # What only the cache needs stays here; browsers keep the page's own Cache-Control.
  unset resp.http.CDN-Cache-Control;
  unset resp.http.Cache-Tag;
  unset resp.http.xkey;
  unset resp.http.X-Stale-Content;
  if (obj.hits > 0) {
    set resp.http.X-Cache = "HIT";
  } else {
    set resp.http.X-Cache = "MISS";
  }
}

sub vcl_synth {
  set resp.http.Content-Type = "text/plain; charset=utf-8";
  set resp.http.Cache-Control = "no-store";
  set resp.http.X-Content-Type-Options = "nosniff";
  # The words go in the body; the status line keeps HTTP's own reason phrase.
  set resp.body = resp.reason + {"
"};
  if (resp.status == 200) {
    set resp.reason = "OK";
  } elsif (resp.status == 400) {
    set resp.reason = "Bad Request";
  } elsif (resp.status == 403) {
    set resp.reason = "Forbidden";
  } elsif (resp.status == 429) {
    set resp.reason = "Too Many Requests";
  }
  return (deliver);
}
