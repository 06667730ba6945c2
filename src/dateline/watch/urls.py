"""URL normalisation: one spelling per page, so that a link seen twice is fetched once.

    normalise_url("HTTPS://News.Example:443/a/b?utm_source=x&id=7#top")  ->  "https://news.example/a/b?id=7"

What changes: the scheme and host are lower-cased (a trailing dot and any user:password dropped), the
default port (80, 443) is dropped, an empty path becomes "/", the fragment is dropped, and tracking
parameters (the list in `lexicon/data/tracking_parameters.txt`: utm_*, fbclid, gclid...) are removed
from the query, the others kept as written and sorted. Only http and https URLs are normalised; others give None.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import unquote_plus, urljoin, urlsplit, urlunsplit

from dateline.lexicon.codebook import data_path

__all__ = ["normalise_url", "host_of", "tracking_parameters"]

TRACKING_FILE = "tracking_parameters.txt"
_DEFAULT_PORTS = {"http": 80, "https": 443}


@lru_cache(maxsize=1)
def tracking_parameters() -> tuple[frozenset[str], tuple[str, ...]]:
    """The tracking parameters to drop: (exact names, prefixes), lower-case."""
    names: set[str] = set()
    prefixes: list[str] = []
    for line in data_path(TRACKING_FILE).read_text(encoding="utf-8").splitlines():
        word = line.strip().lower()
        if not word or word.startswith("#"):
            continue
        if word.endswith("*"):
            prefixes.append(word[:-1])
        else:
            names.add(word)
    return frozenset(names), tuple(prefixes)


def _tracking(name: str) -> bool:
    names, prefixes = tracking_parameters()
    lowered = name.lower()
    return lowered in names or lowered.startswith(prefixes)


def normalise_url(url: str, *, base: str | None = None) -> str | None:
    """The normal form of `url` (resolved against `base` when relative); None when it is not http(s)."""
    url = url.strip()
    if not url:
        return None
    if base:
        url = urljoin(base, url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # a malformed port or IPv6 address
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in _DEFAULT_PORTS or not host:
        return None
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    pairs = [
        pair for pair in parts.query.split("&") if pair and not _tracking(unquote_plus(pair.split("=")[0]))
    ]
    return urlunsplit((scheme, netloc, parts.path or "/", "&".join(sorted(pairs)), ""))


def host_of(url: str) -> str:
    """The scheme and host (with a port other than the default) of a URL: one politeness queue each."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"
