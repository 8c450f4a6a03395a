"""Full-text search text and queries, made identical for SQLite FTS5 and PostgreSQL tsvector.

Owns tokenising (both engines index the same space-separated tokens we produce) and the
query syntax; it runs no SQL.

Query syntax (`--text`): words must all appear (AND); "a quoted phrase" must appear as written;
a word ending in `*` matches as a prefix. Case and diacritics never matter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from timeline.errors import InvalidValue

__all__ = [
    "SearchQuery",
    "Term",
    "document_text",
    "fold",
    "fts5_expression",
    "parse_query",
    "tokens",
    "tsquery_expression",
]

# Letters and digits only: underscores and punctuation split words on both engines alike.
_TOKEN = re.compile(r"[^\W_]+")
_QUERY_PART = re.compile(r'"([^"]*)"|(\S+)')
_MAX_QUERY = 500


# Latin letters that carry no combining mark, so NFKD alone leaves them as they are.
_LATIN_FOLDS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th",
                              "ı": "i", "ħ": "h", "ŀ": "l"})


def fold(text: str) -> str:
    """Lower case without accents: 'Łódź Café' -> 'lodz cafe'. Other scripts keep their letters."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LATIN_FOLDS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(text: str) -> list[str]:
    """Lower-case, accent-free word tokens of a text."""
    return _TOKEN.findall(fold(text))


def document_text(parts: Iterable[str | None]) -> str:
    """The text an event is indexed by: its title, summary and quotes as tokens."""
    return " ".join(tokens(" ".join(part for part in parts if part)))


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or the words of a phrase in order
    prefix: bool = False


@dataclass(frozen=True)
class SearchQuery:
    terms: tuple[Term, ...]


def parse_query(text: str) -> SearchQuery:
    """Words, "phrases" and prefix* terms; refuses a query with nothing to search for."""
    if len(text) > _MAX_QUERY:
        raise InvalidValue("--text", text[:40] + "…", f"a search of at most {_MAX_QUERY} characters")
    terms: list[Term] = []
    for phrase, word in _QUERY_PART.findall(text):
        if phrase:
            words = tokens(phrase)
            if words:
                terms.append(Term(tuple(words)))
            continue
        prefix = word.endswith("*")
        words = tokens(word)
        if not words:
            continue
        # "quasi-state" is two tokens in the index, so it is searched as a phrase.
        terms.append(Term(tuple(words), prefix=prefix))
    if not terms:
        raise InvalidValue("--text", text, 'words to search for, "a phrase", or a prefix*')
    return SearchQuery(tuple(terms))


def fts5_expression(query: SearchQuery) -> str:
    """An FTS5 MATCH expression (tokens are letters and digits only, so quoting is safe)."""
    parts = []
    for term in query.terms:
        quoted = '"' + " ".join(term.words) + '"'
        parts.append(quoted + ("*" if term.prefix else ""))
    return " AND ".join(parts)


def tsquery_expression(query: SearchQuery) -> str:
    """A PostgreSQL to_tsquery('simple', ...) expression with the same meaning."""
    parts = []
    for term in query.terms:
        lexemes = [f"'{word}'" for word in term.words]
        if term.prefix:
            lexemes[-1] += ":*"
        parts.append("(" + " <-> ".join(lexemes) + ")" if len(lexemes) > 1 else lexemes[0])
    return " & ".join(parts)
