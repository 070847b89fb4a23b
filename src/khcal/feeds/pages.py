"""The served index page, and the public address its links use.

The links must work for whoever reads the page: the Host the client used if it looks like a host name; behind
a reverse proxy that the operator trusts (an option), X-Forwarded-Proto and X-Forwarded-Host; when the
server listens on every interface (0.0.0.0, ::), an address of this machine others can reach, not 0.0.0.0.
"""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urlencode

FEED_PATH = "/khcal.ics"
_HOST_RE = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$")
_ANY = ("0.0.0.0", "::", "[::]", "")


def valid_host(text: str) -> bool:
    """A host name or address, with an optional port: nothing that could carry markup."""
    return bool(_HOST_RE.match(text)) and len(text) <= 255


def reachable_address(host: str) -> str:
    """For a wildcard address, one of this machine's addresses that others can reach (no packet is sent)."""
    import socket

    if host not in _ANY:
        return host
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    probe = "2001:db8::1" if family == socket.AF_INET6 else "192.0.2.1"  # documentation addresses
    try:
        with socket.socket(family, socket.SOCK_DGRAM) as udp:
            udp.connect((probe, 9))  # a UDP connect only picks a route
            found = str(udp.getsockname()[0])
    except OSError:
        found = ""
    if found and found not in _ANY:
        return found
    return socket.gethostname() or "localhost"


def host_port(host: str, port: int | str) -> str:
    """`host:port`, with IPv6 addresses in brackets and the usable address for a wildcard."""
    shown = reachable_address(host)
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"{shown}:{port}"


def public_base(environ: dict[str, Any], trust_proxy: bool, fallback: str | None) -> tuple[str, str]:
    """(scheme, host[:port]) the client reached this server by."""
    scheme = "http" if environ.get("wsgi.url_scheme") != "https" else "https"
    if trust_proxy:
        proto = environ.get("HTTP_X_FORWARDED_PROTO", "").split(",")[0].strip().lower()
        if proto in ("http", "https"):
            scheme = proto
        forwarded = environ.get("HTTP_X_FORWARDED_HOST", "").split(",")[0].strip()
        if valid_host(forwarded):
            return scheme, forwarded
    given = environ.get("HTTP_HOST", "").strip()
    if given and valid_host(given) and not _wildcard(given):
        return scheme, given
    if fallback is not None:
        return scheme, fallback
    return scheme, _own_address(environ)


def _wildcard(host_and_port: str) -> bool:
    """True for 0.0.0.0 or [::] (a browser on the server's machine may send them): no link for others."""
    host = (
        host_and_port.rsplit("]", 1)[0] + "]"
        if host_and_port.startswith("[")
        else host_and_port.split(":")[0]
    )
    return host in ("0.0.0.0", "[::]", "[0:0:0:0:0:0:0:0]")


def _own_address(environ: dict[str, Any]) -> str:
    """The listening socket's address (gunicorn hands it over), else the server's name, else localhost."""
    sock = environ.get("gunicorn.socket")
    if sock is not None:
        try:
            name = sock.getsockname()
            return host_port(str(name[0]), int(name[1]))
        except (OSError, IndexError, TypeError, ValueError):
            pass
    name = str(environ.get("SERVER_NAME", ""))
    port = str(environ.get("SERVER_PORT", ""))
    if valid_host(name) and port.isdigit():
        return host_port(name, port)
    return "localhost"


_LINKS: tuple[tuple[str, dict[str, str]], ...] = (
    ("everything", {}),
    ("days-off", {"holidays": "1"}),
    ("remembrance", {"category": "remembrance"}),
    ("everything-km", {"lang": "km"}),
    ("days-off-km", {"lang": "km", "holidays": "1"}),
)
LINKED_QUERIES = tuple(urlencode(query) for _, query in _LINKS)
"""The queries of the feeds the page links: those `khcal serve` builds when it starts."""


def index_page(base: tuple[str, str], lang: str) -> str:
    """The page at /: what to paste into a calendar app to subscribe (words: `page.*` of the tables)."""
    from khcal.text import say

    def word(key: str) -> str:
        return html.escape(say(lang, f"page.{key}"))

    scheme, host = base
    rows = []
    for key, query in _LINKS:
        path = FEED_PATH + ("?" + urlencode(query) if query else "")
        webcal = html.escape(f"webcal://{host}{path}")
        https = html.escape(f"https://{host}{path}")
        here = html.escape(f"{scheme}://{host}{path}")
        rows.append(
            f"<tr><th>{word(key)}</th>"
            f'<td><a href="{webcal}">{webcal}</a></td>'
            f"<td><code>{https}</code></td>"
            f'<td><a href="{here}">{word("download")}</a></td></tr>'
        )
    return f"""<!doctype html>
<html lang="{html.escape(lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{word("title")}</title></head>
<body>
<h1>{word("heading")}</h1>
<p>{word("intro")}</p>
<table>
<tr><th>{word("feed")}</th><th>{word("webcal")}</th><th>{word("https")}</th><th>{word("file")}</th></tr>
{chr(10).join(rows)}
</table>
<p>{word("options")}</p>
<p><a href="/index.html">{word("site")}</a></p>
</body>
</html>
"""
