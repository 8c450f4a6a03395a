"""Markdown as the plain text a reader sees: no heading marks, emphasis, link targets, list bullets or fences.
Owns the conversion, line by line with bounded patterns; must not interpret the text or render HTML.
"""

from __future__ import annotations

import re

__all__ = ["plain_text"]

_FENCE = re.compile(r"\s{0,3}(```|~~~)")
_HEADING = re.compile(r"\s{0,3}#{1,6}(?:\s+|$)")
_CLOSING_HASHES = re.compile(r"\s+#+\s*$")
_SETEXT_OR_RULE = re.compile(r"\s{0,3}(?:=+|-{3,}|\*{3,}|_{3,}|(?:[-*_]\s*){3,})\s*$")
_QUOTE = re.compile(r"\s{0,3}(?:>\s?)+")
_BULLET = re.compile(r"\s{0,12}(?:[-*+]|\d{1,9}[.)])\s+")
_REFERENCE = re.compile(r"\s{0,3}\[[^\]\n]{1,200}\]:\s*\S+.*$")
_TABLE_RULE = re.compile(r"\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")
_IMAGE = re.compile(r"!\[([^\]\n]{0,300})\]\([^)\n]{0,1000}\)")
_LINK = re.compile(r"\[([^\]\n]{0,300})\](?:\([^)\n]{0,1000}\)|\[[^\]\n]{0,100}\])")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]{1,2000})>")
_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,500}>")
_CODE = re.compile(r"`{1,3}([^`\n]{1,2000})`{1,3}")
# Emphasis marks at a word's edge ('**bold**', '_it_', '~~gone~~'), never inside one ('snake_case', '5 * 3').
_EMPHASIS = re.compile(r"(?<![\w*_~])(?:[*_]{1,3}|~~)(?=[^\s*_~])|(?<=[^\s*_~])(?:[*_]{1,3}|~~)(?![\w*_~])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def _inline(line: str) -> str:
    line = _IMAGE.sub(r"\1", line)
    line = _LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _TAG.sub("", line)
    line = _CODE.sub(r"\1", line)
    line = _EMPHASIS.sub("", line)
    return _ESCAPE.sub(r"\1", line)


def plain_text(markdown: str) -> str:
    """The text of a Markdown document, paragraph breaks kept; code blocks kept as they are."""
    lines: list[str] = []
    fenced = False
    for line in markdown.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            lines.append(line)
            continue
        if _REFERENCE.match(line) or _TABLE_RULE.match(line):
            continue
        if _SETEXT_OR_RULE.match(line):
            lines.append("")
            continue
        heading = _HEADING.match(line)
        if heading:
            line = _CLOSING_HASHES.sub("", line[heading.end():])
        else:
            quote = _QUOTE.match(line)
            if quote:
                line = line[quote.end():]
            bullet = _BULLET.match(line)
            if bullet:
                line = line[bullet.end():]
        if line.lstrip().startswith("|"):
            line = " ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        lines.append(_inline(line))
    return "\n".join(lines)
