"""Sentences and quotations of a text as character spans: where each sentence starts and ends, what is quoted.
Owns boundary rules (abbreviations, initials, decimals, closing quotes, headings, wrapped lines); must not change the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

__all__ = ["Sentence", "quotations", "split_sentences"]


@dataclass(frozen=True)
class Sentence:
    """``text[start:end]``, trimmed of surrounding white space; never empty."""

    start: int
    end: int
    text: str


# A title or a month before a full stop never ends a sentence when a name or a number follows.
_TITLES = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt cmdr adm maj gov sen rep rev fr st mt sr jr pres amb supt insp "
    "no nos vol vols fig figs pp art ch sec approx est dept univ".split()
)
_MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# After an initialism ('U.S.', 'U.N.'), only these words start a new sentence.
_SENTENCE_STARTERS = frozenset(
    "the a an in on at it its he she they we i this that these those there but and so yet however meanwhile "
    "his her their our as after before when while if since for".split()
)
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
# Terminal punctuation with any closing quotes or brackets, followed by white space or the end.
_STOP = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|\Z)|\n")
_WORD_BEFORE = re.compile(r"[^\s\"'“‘(\[]*\Z")
_BLANK_LINE = re.compile(r"[ \t\r\f\v]*\n")
_QUOTE_MARK = re.compile(r"[\"“”‘’]|\n[ \t\r\f\v]*\n")
# A quotation longer than this is a speech, split into its own sentences; a shorter one stays whole.
_SHORT_QUOTATION = 300
# A quotation still open this far on is taken to be unclosed.
_QUOTATION_REACH = 1_000
_WRAP_MIN, _WRAP_MAX = 40, 100


def quotations(text: str) -> list[tuple[int, int]]:
    """The spans of quoted passages, outermost opening mark to its closing mark inclusive, in text order.

    Quotations of one kind nest ('‘a ‘proposal’ on behalf of Putin’'); one ends at its closing mark, at a blank
    line, or unclosed after a thousand characters.
    """
    spans: list[tuple[int, int]] = []
    open_at, depth, opener, closer = -1, 0, "", ""
    for mark in _QUOTE_MARK.finditer(text):
        position, char = mark.start(), mark.group()
        if depth and (char.startswith("\n") or position - open_at > _QUOTATION_REACH):
            depth = 0
        if char.startswith("\n"):
            continue
        if not depth:
            if char in "“‘" or (char == '"' and _opens(text, position)):
                open_at, depth, opener = position, 1, char
                closer = {"“": "”", "‘": "’", '"': '"'}[char]
        elif char == opener and opener != '"':
            depth += 1
        elif char == closer and not (closer == "’" and _inside_word(text, position)):
            depth -= 1
            if not depth:
                spans.append((open_at, position + 1))
    return spans


def _opens(text: str, position: int) -> bool:
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    return (before.isspace() or before in "([{:—–-") and not after.isspace()


def _inside_word(text: str, position: int) -> bool:
    """An apostrophe: a letter on both sides ('Medvedev’s')."""
    return 0 < position < len(text) - 1 and text[position - 1].isalnum() and text[position + 1].isalnum()


def _wrapped(text: str) -> bool:
    """Whether single line breaks are line wrapping (hard-wrapped prose) rather than paragraph ends."""
    lines = [line for line in text[:20_000].splitlines() if line.strip()]
    if len(lines) < 4:
        return False
    longest = max(len(line) for line in lines)
    if not _WRAP_MIN <= longest <= _WRAP_MAX:
        return False
    full = sum(len(line) >= longest * 0.6 for line in lines)
    open_ended = sum(not line.rstrip().endswith((".", "!", "?", ":", "”", '"')) for line in lines)
    return full * 2 >= len(lines) and open_ended * 2 >= len(lines)


def _ends_sentence(text: str, stop: re.Match[str], wrapped: bool) -> bool:
    start, end = stop.span()
    if stop.group() == "\n":
        if not wrapped:
            return True
        return _BLANK_LINE.match(text, end) is not None
    rest = text[end:end + 80].lstrip()
    if not rest:
        return True
    following = rest[0]
    if following.islower():
        return False
    if text[start] != "." or end - start > 1 and text[start + 1] in ".…":
        return True  # '?', '!', an ellipsis: the next capital starts a sentence
    word = _WORD_BEFORE.search(text, max(0, start - 40), start)
    token = word.group() if word else ""
    lowered = token.lower()
    if lowered in _TITLES:
        return False
    if lowered in _MONTH_ABBREVIATIONS and following.isdigit():
        return False
    if len(token) == 1 and token.isalpha() and token.isupper():
        return False  # an initial: 'J. Smith'
    if _INITIALISM.fullmatch(token):
        next_word = re.match(r"[A-Za-z]+", rest)
        return next_word is not None and next_word.group().lower() in _SENTENCE_STARTERS
    return True


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of a text in order, as trimmed spans; headings and list lines are sentences of their own."""
    wrapped = _wrapped(text)
    quoted = [span for span in quotations(text) if span[1] - span[0] <= _SHORT_QUOTATION]
    quote_starts = [span[0] for span in quoted]
    sentences: list[Sentence] = []
    begin = 0
    for stop in _STOP.finditer(text):
        end = stop.end() if stop.group() != "\n" else stop.start()
        if stop.group() != "\n":
            index = bisect_right(quote_starts, stop.start()) - 1
            if index >= 0 and quoted[index][0] < stop.start() and end < quoted[index][1]:
                continue  # inside a short quotation: 'He said: “Stop. Now.”' is one sentence
        if not _ends_sentence(text, stop, wrapped):
            continue
        _append(sentences, text, begin, end)
        begin = stop.end()
    _append(sentences, text, begin, len(text))
    return sentences


def _append(sentences: list[Sentence], text: str, begin: int, end: int) -> None:
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    if end > begin:
        sentences.append(Sentence(begin, end, text[begin:end]))
