"""YAML files of events: a list of event mappings, in the seed form or the exported document's form.

Owns reading untrusted YAML safely: the safe loader only (no Python object tags), and aliases
bounded before anything is built, so an alias bomb is refused in milliseconds; no database.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from timeline.errors import TimelineError
from timeline.importers.documents import document_row
from timeline.importers.reading import InputFile, Reading, Row, counted

__all__ = ["MAX_ALIASES", "MAX_NODES", "read_yaml"]

MAX_BYTES = 200_000_000
MAX_ALIASES = 10_000
# Nodes the document would have with every alias written out in full.
MAX_NODES = 10_000_000
_PYTHON_TAG = "tag:yaml.org,2002:python/"


def _children(node: Any) -> list[Any]:
    import yaml

    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _bounded(root: Any) -> None:
    """Refuse Python tags, recursive aliases and alias bombs, walking each distinct node once.

    An alias is the same node object met again, so counting references beyond one per node
    counts aliases, and the expanded size is summed over distinct nodes without building it.
    """
    expanded: dict[int, int] = {}
    on_path: set[int] = set()
    references = 0
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, finishing = stack.pop()
        key = id(node)
        if finishing:
            on_path.discard(key)
            expanded[key] = 1 + sum(expanded[id(child)] for child in _children(node))
            if expanded[key] > MAX_NODES:
                raise TimelineError(f"yaml: its aliases expand to more than {MAX_NODES:,} nodes; "
                                    "expected a document that is not an alias bomb")
            continue
        if key in expanded:
            continue
        if node.tag.startswith(_PYTHON_TAG):
            shown = "!!" + node.tag.removeprefix("tag:yaml.org,2002:")
            raise TimelineError(f"line {node.start_mark.line + 1}: yaml: the tag {shown!r} is not allowed; "
                                "expected plain data (Python object tags are refused)")
        on_path.add(key)
        stack.append((node, True))
        children = _children(node)
        references += len(children)
        for child in children:
            if id(child) in on_path:
                raise TimelineError(f"line {child.start_mark.line + 1}: yaml: an alias inside its own anchor; "
                                    "expected a document without recursive aliases")
            if id(child) not in expanded:
                stack.append((child, False))
    aliases = references - (len(expanded) - 1)
    if aliases > MAX_ALIASES:
        raise TimelineError(f"yaml: {aliases:,} aliases; expected at most {MAX_ALIASES:,}")


def _load(text: str) -> tuple[Any, list[int]]:
    """The document, and the line each top-level item starts on."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, []
        _bounded(root)
        lines = [item.start_mark.line + 1 for item in root.value] if isinstance(root, yaml.SequenceNode) else []
        return loader.construct_document(root), lines
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f"line {mark.line + 1}: " if mark is not None else ""
        raise TimelineError(f"{where}yaml: not valid ({err.problem or err.context})") from None
    except yaml.YAMLError as err:
        raise TimelineError(f"yaml: not valid ({err})") from None
    finally:
        loader.dispose()


def _rows(items: list[Any], lines: list[int]) -> Iterator[Row]:
    for line, item in zip(lines, items):
        yield document_row(f"line {line}", item, "a YAML list of event mappings")


def read_yaml(file: InputFile, *, raw: bool = False) -> Reading:
    document, lines = _load(file.whole(MAX_BYTES, "use JSON Lines or CSV for larger files"))
    if document is None:
        document = []
    if not isinstance(document, list):
        raise TimelineError("line 1: yaml: not a list; expected a YAML list of event mappings")
    return counted(_rows(document, lines), len(document))
