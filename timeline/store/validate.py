"""Checks on single field values shared by every write path (CLI, seeds, import).

Owns the field rules and their one-line errors; never touches the database.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import urlsplit

from timeline.dates import FuzzyDate, parse_date
from timeline.errors import InvalidValue
from timeline.vocab import values

__all__ = [
    "clean_text",
    "coordinate",
    "country_code",
    "date_value",
    "language_code",
    "one_of",
    "optional_text",
    "slug_value",
    "web_url",
]

MAX_TITLE = 500
MAX_TEXT = 20_000
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_COUNTRY = re.compile(r"[A-Z]{2}")
_SPACE = re.compile(r"\s")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def clean_text(field: str, value: str | None, *, limit: int = MAX_TEXT, required: bool = True) -> str | None:
    """NFC-normalised, stripped text; refuses empty required values and oversized ones."""
    text = value.strip() if isinstance(value, str) else None if value is None else str(value).strip()
    if not text:
        if required:
            raise InvalidValue(field, value if value is not None else "", "a non-empty text")
        return None
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if len(text) > limit:
        raise InvalidValue(field, text[:40] + "…", f"at most {limit} characters (got {len(text)})")
    return text


def optional_text(field: str, value: str | None, *, limit: int = MAX_TEXT) -> str | None:
    return clean_text(field, value, limit=limit, required=False)


def date_value(field: str, value: str) -> FuzzyDate:
    from timeline.errors import InvalidDate

    try:
        return parse_date(value)
    except InvalidDate as err:
        if err.field == field:
            raise
        raise InvalidDate(value, err.expected, field=field) from None


def slug_value(value: str) -> str:
    slug = value.strip()
    if not _SLUG.fullmatch(slug) or len(slug) > 200:
        raise InvalidValue("slug", value, "lowercase letters, digits and single hyphens, e.g. 2022-06-17-spief-remarks")
    if slug.isdigit():
        raise InvalidValue("slug", value, "a slug that is not all digits (numbers are event ids)")
    return slug


def web_url(field: str, value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    url = value.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or _SPACE.search(url):
        raise InvalidValue(field, value, "an http:// or https:// address")
    return url


def country_code(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    code = value.strip().upper()
    if not _COUNTRY.fullmatch(code):
        raise InvalidValue("country", value, "a two-letter ISO 3166-1 code such as KZ or RU")
    return code


def language_code(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    code = value.strip()
    if not _LANGUAGE.fullmatch(code):
        raise InvalidValue("language", value, "a language code such as en, ru or kk")
    return code


@lru_cache(maxsize=None)
def _allowed(enum_type: type) -> frozenset[str]:
    return frozenset(values(enum_type))


def one_of(field: str, value: str, enum_type: type) -> str:
    if value in _allowed(enum_type):
        return value
    text = str(value).strip().lower()
    if text not in _allowed(enum_type):
        raise InvalidValue(field, value, "one of " + ", ".join(values(enum_type)))
    return text


def coordinate(field: str, value: float | str | None, limit: float) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InvalidValue(field, value, f"a number between -{limit:g} and {limit:g}") from None
    if not -limit <= number <= limit:
        raise InvalidValue(field, value, f"a number between -{limit:g} and {limit:g}")
    return number
