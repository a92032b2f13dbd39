#!/usr/bin/env python3
"""Writes corpus/NAME.json: the requests record.py sends to Django for settings/NAME.settings (and
the replay tests send to the port). Inputs only; the answers come from Django. Every request names
its Host, so answers that echo the host do not depend on the port the server happened to get."""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def req(id, path, host="api.example.com", method="GET", headers=None, body=None, note=None):
    pairs = [["Host", host]] if host is not None else []
    pairs += [list(p) for p in (headers or [])]
    r = {"id": id, "method": method, "path": path, "headers": pairs}
    if body is not None:
        r["body"] = body
    if note:
        r["note"] = note
    return r


def form(n, size=None):
    """n urlencoded fields a0=x&a1=x...; padded to size bytes through the last value."""
    text = "&".join("a%d=x" % i for i in range(n))
    if size is not None:
        text += "y" * (size - len(text))
    return text


def json_body(size):
    """A JSON object of exactly size bytes."""
    head = '{"pad": "'
    tail = '"}'
    return head + "p" * (size - len(head) - len(tail)) + tail


FORM = ("Content-Type", "application/x-www-form-urlencoded")
JSON = ("Content-Type", "application/json")
PROXY_HTTPS = ("X-Forwarded-Proto", "https")

CORPORA = {}

CORPORA["security_host"] = [
    req("host-exact", "/api/"),
    req("host-upper-port", "/api/", host="API.EXAMPLE.COM:8080"),
    req("host-trailing-dot", "/api/", host="api.example.com."),
    req("host-apex-of-dot-pattern", "/api/", host="example.org"),
    req("host-sub-of-dot-pattern", "/api/", host="www.example.org"),
    req("host-suffix-without-dot", "/api/", host="badexample.org"),
    req("host-not-listed", "/api/", host="evil.com"),
    req("host-ip-with-port", "/api/", host="127.0.0.1:9"),
    req("host-ipv6-not-listed", "/api/", host="[::1]"),
    req("host-bad-port", "/api/", host="api.example.com:abc"),
    req("host-underscore", "/api/", host="api_x.example.org"),
    req("host-space", "/api/", host="a b"),
    req("host-percent", "/api/", host="ex%41.com"),
    req("host-two-colons", "/api/", host="a:1:2"),
    req("host-empty-port", "/api/", host="[::1]:"),
    req("host-listed-with-port-pattern", "/api/", host="example.org:8000"),
    req("host-bad-on-404", "/nope/", host="evil.com"),
    req("host-bad-on-redirect", "/api", host="evil.com"),
    req("host-ok-404", "/nope/"),
    req("host-ok-append-slash", "/api"),
    req("host-ok-plain-view", "/public/"),
    req("host-ok-options-drf", "/api/", method="OPTIONS"),
    req("hsts-proxy-https", "/api/", headers=[PROXY_HTTPS]),
    req("hsts-proxy-upper", "/api/", headers=[("X-Forwarded-Proto", "HTTPS")]),
    req("hsts-proxy-list", "/api/", headers=[("X-Forwarded-Proto", "https, http")]),
    req("hsts-proxy-http", "/api/", headers=[("X-Forwarded-Proto", "http")]),
    req("hsts-proxy-underscore-name", "/api/", headers=[("X_Forwarded_Proto", "https")]),
    req("hsts-on-redirect", "/api", headers=[PROXY_HTTPS]),
    req("hsts-on-404", "/nope/", headers=[PROXY_HTTPS]),
    req("hsts-on-bad-host", "/api/", host="evil.com", headers=[PROXY_HTTPS]),
    req("nosniff-and-referrer-on-post-405", "/api/", method="POST", body=""),
    req("head-api-view", "/api/", method="HEAD"),
]

CORPORA["redirects"] = [
    req("ssl-redirect-keeps-port-and-query", "/api/items?x=1", host="example.com:8000"),
    req("ssl-redirect-reencodes-path", "/api/ite%6Ds", host="example.com"),
    req("ssl-redirect-non-ascii-path", "/caf%C3%A9/?b=%E2%9C%93", host="example.com"),
    req("ssl-redirect-post", "/api/token/", host="example.com", method="POST", body=""),
    req("ssl-redirect-head", "/api/", host="example.com", method="HEAD"),
    req("ssl-redirect-bad-host", "/api/", host="api_x.example.org"),
    req("ssl-redirect-before-user-agent", "/api/", host="www.example.com", headers=[("User-Agent", "Mozilla BadBot/1.0")]),
    req("ssl-exempt-anchored-then-prepend-www", "/public/", host="example.com"),
    req("ssl-exempt-anchored-www", "/public/", host="www.example.com"),
    req("ssl-exempt-anchored-needs-exact", "/public/x", host="www.example.com"),
    req("ssl-exempt-search-anywhere", "/xx/other", host="www.example.com"),
    req("ssl-exempt-search-view", "/other/", host="www.example.com"),
    req("secure-prepend-www-and-slash", "/api/items", host="example.com", headers=[PROXY_HTTPS]),
    req("secure-prepend-www-only", "/api/", host="example.com", headers=[PROXY_HTTPS]),
    req("secure-prepend-www-keeps-port", "/api/", host="Example.com:8443", headers=[PROXY_HTTPS]),
    req("secure-www-upper-gets-another", "/api/", host="WWW.example.com", headers=[PROXY_HTTPS]),
    req("secure-www-ok", "/api/", host="www.example.com", headers=[PROXY_HTTPS]),
    req("secure-www-append-slash", "/api/items", host="www.example.com", headers=[PROXY_HTTPS]),
    req("secure-www-404", "/nope/", host="www.example.com", headers=[PROXY_HTTPS]),
    req("secure-bad-user-agent", "/api/", host="www.example.com", headers=[PROXY_HTTPS, ("User-Agent", "Mozilla BadBot/1.0")]),
    req("secure-bad-user-agent-case", "/api/", host="www.example.com", headers=[PROXY_HTTPS, ("User-Agent", "BADBOT")]),
    req("secure-good-user-agent", "/api/", host="www.example.com", headers=[PROXY_HTTPS, ("User-Agent", "Mozilla/5.0")]),
    req("secure-bad-user-agent-before-host", "/api/", host="api_x.example.org", headers=[PROXY_HTTPS, ("User-Agent", "badbot")]),
    req("secure-bad-host-star", "/api/", host="api_x.example.org", headers=[PROXY_HTTPS]),
    req("secure-star-odd-host", "/api/", host="www.-", headers=[PROXY_HTTPS]),
]

CORPORA["ssl_host"] = [
    req("ssl-host-redirect", "/api/?a=b"),
    req("ssl-host-redirect-unlisted-host", "/api/", host="evil.com"),
    req("ssl-host-redirect-bad-host-syntax", "/api/", host="api_x.example.com"),
    req("ssl-host-http-404-path", "/nope/"),
]

CORPORA["proxy"] = [
    req("xfh-used", "/h13/host/", host="proxy.local", headers=[("X-Forwarded-Host", "api.example.com")]),
    req("xfh-with-port", "/h13/host/", host="proxy.local", headers=[("X-Forwarded-Host", "api.example.com:8443")]),
    req("xfh-list-refused", "/h13/host/", host="proxy.local", headers=[("X-Forwarded-Host", "api.example.com, proxy.local")]),
    req("xfh-unlisted", "/h13/host/", host="api.example.com", headers=[("X-Forwarded-Host", "evil.com")]),
    req("xfh-absent", "/h13/host/", host="proxy.local"),
    req("xfp-ignored-with-host", "/h13/host/", host="api.example.com", headers=[("X-Forwarded-Port", "8443")]),
    req("xfh-on-drf-view", "/api/", host="proxy.local", headers=[("X-Forwarded-Host", "evil.com")]),
    req("xfh-append-slash", "/api", host="proxy.local", headers=[("X-Forwarded-Host", "api.example.com")]),
]

ORIGIN = ("Origin", "http://localhost:3000")
ACRM = ("Access-Control-Request-Method", "GET")
cors_requests = [
    req("append-slash-with-origin", "/api/token", headers=[ORIGIN]),
    req("preflight-append-slash-path", "/api/token", method="OPTIONS", headers=[ORIGIN, ("Access-Control-Request-Method", "POST")]),
    req("preflight-bad-host", "/api/me/", host="evil.com", method="OPTIONS", headers=[ORIGIN, ACRM]),
    req("get-bad-host-with-origin", "/api/", host="evil.com", headers=[ORIGIN]),
    req("get-ok-with-origin", "/api/", headers=[ORIGIN]),
    req("get-404-with-origin", "/nope/", headers=[ORIGIN]),
    req("get-plain-view-with-origin", "/public/", headers=[ORIGIN]),
    req("preflight-ok", "/api/me/", method="OPTIONS", headers=[ORIGIN, ACRM]),
    req("get-me-no-token", "/api/me/", headers=[ORIGIN]),
]
CORPORA["cors_first"] = cors_requests
CORPORA["cors_last"] = cors_requests
CORPORA["cors_after_security"] = cors_requests + [
    req("ssl-redirect-with-origin", "/api/", headers=[ORIGIN]),
    req("secure-append-slash-with-origin", "/api/token", headers=[ORIGIN, PROXY_HTTPS]),
]
# Every request of the CORS files but the SSL ones runs over the proxy header, so they reach CORS.
CORPORA["cors_after_security"] = [
    dict(r, headers=r["headers"] + [list(PROXY_HTTPS)]) if not r["id"].startswith(("ssl-", "secure-")) else r
    for r in CORPORA["cors_after_security"]
]

CORPORA["debug_localhost"] = [
    req("debug-localhost", "/api/", host="localhost"),
    req("debug-sub-localhost", "/api/", host="sub.localhost"),
    req("debug-ipv4-port", "/api/", host="127.0.0.1:80"),
    req("debug-ipv6-port", "/api/", host="[::1]:8000"),
    req("debug-upper-trailing-dot", "/api/", host="LOCALHOST."),
    req("debug-evil", "/api/", host="evil.com"),
    req("debug-other-loopback", "/api/", host="127.0.0.2"),
    req("debug-append-slash-get", "/api/token", host="localhost"),
    req("debug-append-slash-delete", "/api/token", host="localhost", method="DELETE"),
]

CORPORA["misc"] = [
    req("xframe-sameorigin-plain", "/public/"),
    req("xframe-sameorigin-drf", "/api/"),
    req("xframe-exempt", "/h13/xframe-exempt/"),
    req("xframe-preset", "/h13/xframe-preset/"),
    req("xframe-decorator-sameorigin", "/h13/xframe-sameorigin/"),
    req("no-append-slash", "/api/token"),
    req("no-referrer-policy-404", "/nope/"),
]

CORPORA["referrer_list"] = [
    req("referrer-list-drf", "/api/"),
    req("referrer-list-404", "/nope/"),
    req("referrer-list-redirect", "/api"),
]

CORPORA["limits"] = [
    req("body-at-limit", "/h13/body/", method="POST", body="b" * 1000),
    req("body-over-limit", "/h13/body/", method="POST", body="b" * 1001),
    req("body-over-limit-put", "/h13/body/", method="PUT", body="b" * 1001),
    req("body-over-limit-not-read", "/public/", method="POST", body="b" * 1500),
    req("form-fields-at-limit", "/h13/form/", method="POST", headers=[FORM], body=form(10)),
    req("form-fields-over-limit", "/h13/form/", method="POST", headers=[FORM], body=form(11)),
    req("form-size-over-limit", "/h13/form/", method="POST", headers=[FORM], body=form(2, 1001)),
    req("form-put-not-parsed", "/h13/form/", method="PUT", headers=[FORM], body=form(11)),
    req("query-fields-at-limit", "/h13/query/?" + form(10)),
    req("query-fields-over-limit", "/h13/query/?" + form(11)),
    req("query-empty-fields-count", "/h13/query/?" + "&" * 10),
    req("query-over-limit-not-read", "/public/?" + form(11)),
    req("query-over-limit-drf", "/api/?" + form(11)),
    req("drf-json-over-size", "/api/items/", method="POST", headers=[JSON], body=json_body(1500)),
    req("drf-form-over-size", "/api/items/", method="POST", headers=[FORM], body=form(2, 1500)),
    req("drf-form-over-fields", "/api/items/", method="POST", headers=[FORM], body=form(11)),
    req("drf-form-at-fields", "/api/items/", method="POST", headers=[FORM], body=form(10)),
    req("drf-token-json-over-size", "/api/token/", method="POST", headers=[JSON], body=json_body(1500)),
]

CORPORA["routing"] = [
    req("case-sensitive", "/API/"),
    req("dot-segment", "/api/./"),
    req("dot-dot-segment", "/api/../api/"),
    req("encoded-slash-served", "/api%2Fme/"),
    req("encoded-slash-append", "/api%2Fitems"),
    req("double-slash-inside", "/api//"),
    req("head-api-view", "/api/", method="HEAD"),
    req("head-class-view", "/api/me/", method="HEAD"),
    req("lower-case-method", "/public/", method="get"),
    req("unknown-method-plain", "/public/", method="FOO"),
    req("unknown-method-drf", "/api/", method="FOO"),
    req("converter-append-slash", "/h13/items/5"),
    req("converter-mismatch", "/h13/items/abc"),
    req("converter-served", "/h13/items/5/"),
    req("str-converter-non-ascii-append", "/h13/users/caf%C3%A9?b=%E2%9C%93&c=d"),
    req("no-slash-route-served", "/h13/exact"),
    req("no-slash-route-with-slash", "/h13/exact/"),
    req("no-append-slash-decorator", "/h13/no-append"),
    req("append-slash-post", "/api/token", method="POST", body=""),
    req("append-slash-options", "/api/token", method="OPTIONS"),
    req("append-slash-encoded", "/api/ite%6Ds"),
    req("append-slash-keeps-query", "/api/items?page=2&b=%E2%9C%93"),
    req("nothing-resolves", "/nope"),
]

CORPORA["no_common"] = [
    req("no-common-bad-host-drf", "/api/", host="evil.com"),
    req("no-common-bad-host-view-asks", "/h13/host/", host="evil.com"),
    req("no-common-good-host-view-asks", "/h13/host/"),
    req("no-common-no-append-slash", "/api"),
    req("no-common-404", "/nope/"),
]

if __name__ == "__main__":
    os.makedirs(os.path.join(HERE, "corpus"), exist_ok=True)
    for name, requests in CORPORA.items():
        with open(os.path.join(HERE, "corpus", name + ".json"), "w", encoding="utf-8") as f:
            json.dump({"requests": requests}, f, indent=1, ensure_ascii=False)
            f.write("\n")
        print("corpus/%s.json: %d requests" % (name, len(requests)))
