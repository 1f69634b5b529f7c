"""Article metadata from the page's markup: ``<meta>`` tags, JSON-LD, ``<html lang>``.

Cheap by design (one pass over the ``<meta>`` tags, the JSON-LD scripts parsed
with :func:`json.loads`): trafilatura's full metadata search costs about a
third of its extraction time and is not used. What the markup does not say,
the cleaner may still find in the text (bylines, time stamps); the extractor
fills those in afterwards.

Keys (only those found): ``title``, ``author``, ``authors``, ``date`` and
``date_modified`` (ISO ``YYYY-MM-DD``), ``sitename``, ``url``, ``hostname``,
``language`` (primary subtag, lowercase), ``description``.

>>> from newsclean.extract.html import parse_html
>>> page = parse_html('<html lang="en-GB"><head><meta property="og:site_name" content="Daily">'
...     '<meta property="article:published_time" content="2024-03-05T10:00:00Z">'
...     '<meta name="author" content="Jane Doe"></head><body></body></html>')
>>> read_metadata(page, "https://example.org/a")
{'sitename': 'Daily', 'date': '2024-03-05', 'authors': ['Jane Doe'], 'author': 'Jane Doe', \
'url': 'https://example.org/a', 'hostname': 'example.org', 'language': 'en'}
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

__all__ = ["read_metadata", "strip_site_name"]

_DATE_RE = re.compile(r"\b((?:19|20)\d\d)-?([01]\d)-?([0-3]\d)(?:[T ]|\b)")
_LANG_RE = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]|$)")
_MAX_JSON_CHARS = 1_000_000
_MAX_JSON_NODES = 2_000
_ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "blogposting",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "techarticle",
        "scholarlyarticle",
        "report",
        "liveblogposting",
        "webpage",
        "posting",
        "socialmediaposting",
        "discussionforumposting",
    }
)

# <meta> keys (name= or property= or itemprop=, lowercased) -> metadata field.
_META_KEYS: dict[str, str] = {
    "og:title": "title",
    "twitter:title": "title",
    "dc.title": "title",
    "og:site_name": "sitename",
    "application-name": "sitename",
    "publisher": "sitename",
    "og:description": "description",
    "description": "description",
    "author": "author",
    "article:author": "author",
    "dc.creator": "author",
    "byl": "author",
    "parsely-author": "author",
    "sailthru.author": "author",
    "og:url": "url",
    "article:published_time": "date",
    "og:published_time": "date",
    "article:published": "date",
    "datepublished": "date",
    "pubdate": "date",
    "publishdate": "date",
    "publish-date": "date",
    "date": "date",
    "dc.date": "date",
    "dc.date.issued": "date",
    "dcterms.date": "date",
    "sailthru.date": "date",
    "parsely-pub-date": "date",
    "article.published": "date",
    "article:modified_time": "date_modified",
    "og:updated_time": "date_modified",
    "datemodified": "date_modified",
    "og:locale": "language",
    "content-language": "language",
    "language": "language",
}


_SITE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", ": ")


def strip_site_name(title: str, sitename: str | None) -> str:
    """``title`` without a trailing " | Site Name" when the site name is known.

    >>> strip_site_name("Rain Ends Drought | The Daily", "The Daily")
    'Rain Ends Drought'
    >>> strip_site_name("Rain Ends Drought", "The Daily")
    'Rain Ends Drought'
    """
    if not sitename:
        return title
    folded, site = title.casefold(), sitename.casefold()
    for sep in _SITE_SEPARATORS:
        if folded.endswith(sep + site) and len(title) > len(sep) + len(sitename):
            return title[: -len(sep) - len(sitename)].rstrip()
    return title


def _iso_date(value: str) -> str | None:
    m = _DATE_RE.search(value)
    if m is None:
        return None
    year, month, day = m.groups()
    if not ("01" <= month <= "12" and "01" <= day <= "31"):
        return None
    return f"{year}-{month}-{day}"


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        out = " ".join(value.split())
        return out or None
    return None


def _names(value: Any) -> list[str]:
    """Author names from a JSON-LD ``author`` value (string, Person, list of them)."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items[:20]:
        name = _text(item.get("name")) if isinstance(item, dict) else _text(item)
        if name and not name.startswith(("http://", "https://")):
            out.append(name)
    return out


def _json_nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Every dict in a JSON-LD document, breadth-first, bounded."""
    queue = [data]
    seen = 0
    while queue and seen < _MAX_JSON_NODES:
        item = queue.pop(0)
        seen += 1
        if isinstance(item, dict):
            yield item
            queue.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            queue.extend(v for v in item if isinstance(v, (dict, list)))


def _types(node: dict[str, Any]) -> set[str]:
    t = node.get("@type")
    items = t if isinstance(t, list) else [t]
    return {x.lower() for x in items if isinstance(x, str)}


def _json_ld(tree: Any, meta: dict[str, Any]) -> None:
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        raw = script.text
        if not raw or len(raw) > _MAX_JSON_CHARS:
            continue
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            continue
        for node in _json_nodes(data):
            if not _types(node) & _ARTICLE_TYPES:
                continue
            headline = _text(node.get("headline")) or _text(node.get("name"))
            if headline and "title" not in meta:
                meta["title"] = headline
            for key, field in (("datePublished", "date"), ("dateModified", "date_modified")):
                value = _text(node.get(key))
                if value and field not in meta and (iso := _iso_date(value)):
                    meta[field] = iso
            authors = _names(node.get("author"))
            if authors and "authors" not in meta:
                meta["authors"] = authors
            publisher = node.get("publisher")
            if isinstance(publisher, dict) and "sitename" not in meta:
                name = _text(publisher.get("name"))
                if name:
                    meta["sitename"] = name


def read_metadata(tree: Any, url: str | None) -> dict[str, Any]:
    """Metadata of a parsed page; ``url`` (the fetch URL) wins over the page's own."""
    meta: dict[str, Any] = {}
    authors: list[str] = []
    for el in tree.iterfind(".//meta[@content]"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if not key:
            key = (el.get("http-equiv") or "").lower()
        field = _META_KEYS.get(key)
        if field is None:
            continue
        value = _text(el.get("content"))
        if not value:
            continue
        if field == "author":
            if not value.startswith(("http://", "https://")) and value not in authors:
                authors.append(value)
        elif field in ("date", "date_modified"):
            iso = _iso_date(value)
            if iso and field not in meta:
                meta[field] = iso
        elif field not in meta:
            meta[field] = value
    _json_ld(tree, meta)
    if authors and "authors" not in meta:
        meta["authors"] = authors
    if meta.get("authors"):
        meta["author"] = "; ".join(meta["authors"])
    if "date" not in meta:
        for time_el in tree.iterfind(".//time[@datetime]"):
            iso = _iso_date(time_el.get("datetime") or "")
            if iso:
                meta["date"] = iso
                break
    page_url = url or meta.get("url")
    if page_url is None:
        for link in tree.iterfind(".//link[@rel='canonical']"):
            page_url = _text(link.get("href"))
            break
    if page_url:
        meta["url"] = page_url
        try:
            host = urlsplit(page_url).hostname
        except ValueError:
            host = None
        if host:
            meta["hostname"] = host
    else:
        meta.pop("url", None)
    if "title" in meta:
        meta["title"] = strip_site_name(meta["title"], meta.get("sitename"))
    lang = tree.get("lang") or tree.get("xml:lang") or meta.get("language") or ""
    m = _LANG_RE.match(lang.strip())
    if m:
        meta["language"] = m.group(1).lower()
    else:
        meta.pop("language", None)
    return meta
