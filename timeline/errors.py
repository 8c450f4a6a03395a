"""The exceptions the library raises for user mistakes and missing things.

Owns the error tree and the one-line messages; never prints, never chooses exit codes.

    TimelineError                 anything the user can fix; ``str(err)`` is one line
    ├── InvalidValue              a field has a value we cannot accept
    │   ├── InvalidDate           not EDTF, not a plain-English date we know, or impossible
    │   └── MissingSource         an event without any source
    ├── NotFound                  an event, source or other record that does not exist
    ├── Conflict                  the value is taken (duplicate slug, duplicate source URL)
    └── DatabaseError             the database cannot be opened, migrated or written
"""

from __future__ import annotations

__all__ = [
    "Conflict",
    "DatabaseError",
    "InvalidDate",
    "InvalidValue",
    "MissingSource",
    "NotFound",
    "TimelineError",
]


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


class TimelineError(Exception):
    """Base class: a mistake the user can fix, described in one line."""

    def __init__(self, message: str) -> None:
        super().__init__(_one_line(message))

    @property
    def message(self) -> str:
        return str(self)


class InvalidValue(TimelineError):
    """A field was given a value that cannot be accepted.

    The message names the field, shows the value, and says what was expected.
    """

    def __init__(self, field: str, value: object, expected: str) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        shown = repr(value) if isinstance(value, str) else str(value)
        super().__init__(f"{field}: {shown} is not valid; expected {expected}")


class InvalidDate(InvalidValue):
    """A date that is not EDTF, not a known plain-English form, or impossible."""

    def __init__(self, value: object, expected: str, field: str = "date") -> None:
        super().__init__(field, value, expected)


class MissingSource(InvalidValue):
    """Every event must cite at least one source."""

    def __init__(self, field: str = "source") -> None:
        self.field = field
        self.value = None
        self.expected = "--source ID, or --url with --source-title, --publisher and --published"
        TimelineError.__init__(
            self,
            f"{field}: an event needs at least one source; give {self.expected}",
        )


class NotFound(TimelineError):
    """A record that was asked for by id, slug or key does not exist."""

    def __init__(self, kind: str, ref: object, hint: str = "") -> None:
        self.kind = kind
        self.ref = ref
        tail = f"; {hint}" if hint else ""
        super().__init__(f"{kind}: no {kind} {str(ref)!r}{tail}")


class Conflict(TimelineError):
    """A unique value (slug, source URL) is already taken."""

    def __init__(self, field: str, value: object, detail: str) -> None:
        self.field = field
        self.value = value
        super().__init__(f"{field}: {str(value)!r} {detail}")


class DatabaseError(TimelineError):
    """The database cannot be opened, migrated or written."""
