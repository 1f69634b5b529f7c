"""What the readers yield: a :class:`Record` to process, or a :class:`Reject`.

Every input record becomes exactly one of the two, so a pipeline can account
for all of them: a malformed JSON line, a record with no text, a file that
is not valid UTF-8 are rejects with a reason, never skipped in silence.

>>> from newsclean.io import FieldMap, record_from_mapping
>>> record_from_mapping({"id": 7, "text": "Hello."}, FieldMap(), "a.jsonl:1")
Record(id='7', text='Hello.', html=None, url=None, title=None, date=None, source='a.jsonl:1')
>>> record_from_mapping({"id": "x"}, FieldMap(), "a.jsonl:2").reason
'missing_text'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from ..errors import OptionsError

__all__ = ["FieldMap", "Record", "Reject", "record_from_mapping"]


@dataclass(frozen=True)
class Record:
    """One input document before extraction or cleaning.

    ``html`` (str or undecoded bytes) is extracted; otherwise ``text`` is
    cleaned. ``source`` says where the record came from ("file.jsonl:12").
    """

    id: str
    text: str | None = None
    html: str | bytes | None = None
    url: str | None = None
    title: str | None = None
    date: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Reject:
    """An input record that could not be processed, and why.

    ``stage`` is where it failed ("read", "extract", "clean", "dedup");
    ``reason`` a short code to count by ("malformed_json", "missing_text",
    "too_large", ...); ``message`` the human-readable detail.
    """

    doc_id: str
    stage: str
    reason: str
    message: str
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "stage": self.stage,
            "reason": self.reason,
            "message": self.message,
            "source": self.source,
        }


@dataclass(frozen=True)
class FieldMap:
    """Which fields of a record format hold the id, text, HTML, URL, title and date.

    >>> FieldMap(text="body").text
    'body'
    >>> FieldMap(id="")
    Traceback (most recent call last):
    ...
    newsclean.errors.OptionsError: FieldMap.id must be a non-empty str, got ''
    """

    id: str = "id"
    text: str = "text"
    html: str = "html"
    url: str = "url"
    title: str = "title"
    date: str = "date"

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, str) or not value:
                raise OptionsError(f"FieldMap.{f.name} must be a non-empty str, got {value!r}")

    def columns(self) -> tuple[str, ...]:
        """The field names, in a fixed order, without repeats."""
        return tuple(dict.fromkeys(getattr(self, f.name) for f in fields(self)))


def _optional_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return str(value)


def record_from_mapping(row: Mapping[str, Any], fields: FieldMap, source: str) -> Record | Reject:
    """Turn one parsed row (a JSON object, a CSV or Parquet row) into a Record.

    The id defaults to ``source`` when the row has none. Text and HTML must
    be strings (HTML may also be bytes); a row with neither is a reject.
    """
    raw_id = row.get(fields.id)
    if raw_id is None or raw_id == "":
        doc_id = source
    elif isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool):
        doc_id = str(raw_id)
    else:
        return Reject(
            source,
            "read",
            "bad_field_type",
            f"field {fields.id!r} must be a string or an integer, got {type(raw_id).__name__}",
            source,
        )
    text = row.get(fields.text)
    html = row.get(fields.html)
    for name, value, ok in (
        (fields.text, text, (str,)),
        (fields.html, html, (str, bytes)),
    ):
        if value is not None and not isinstance(value, ok):
            return Reject(
                doc_id,
                "read",
                "bad_field_type",
                f"field {name!r} must be a string, got {type(value).__name__}",
                source,
            )
    has_html = bool(html) and (not isinstance(html, str) or bool(html.strip()))
    has_text = isinstance(text, str) and bool(text.strip())
    if not has_html and not has_text:
        return Reject(
            doc_id,
            "read",
            "missing_text",
            f"no text in field {fields.text!r} and no HTML in field {fields.html!r}",
            source,
        )
    return Record(
        id=doc_id,
        text=text if has_text else None,
        html=html if has_html else None,
        url=_optional_str(row.get(fields.url)),
        title=_optional_str(row.get(fields.title)),
        date=_optional_str(row.get(fields.date)),
        source=source,
    )
