"""A short title for a proposed event: who did what, from the clause around its date, without the date or asides.
Owns the trimming rules; must not decide whether a clause is an event, nor change the quote (titles are new text).

The verb (or event noun) nearest the date in its clause is the head: 'Dubnov said in an interview ... on
Wednesday' is Dubnov's saying, not the quotation before it. A verb gets its subject (an aside between commas
left out, 'who' replaced by the name it refers to) and its object up to the next clause; a noun reached
through a preposition ('reports of phone calls between A and B on March 2') makes a noun phrase title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.ingest.clauses import DETERMINERS, Word, cue_kind, is_event_verb, words

__all__ = ["MAX_WORDS", "headline"]

MAX_WORDS = 14
_MAX_SUBJECT_WORDS = 6
_MAX_CHARACTERS = 120

_LEAD_PREPOSITIONS = frozenset("on in at since during by from until till through throughout of".split())
_PREPOSITIONS = frozenset("of in on at for during after before with between about against over from to by".split())
_CONNECTIVES = (
    "moreover", "however", "instead", "yet", "still", "thus", "so", "and", "but", "also", "meanwhile", "notably",
    "indeed", "in fact", "for example", "for instance", "for his part", "for her part", "for its part",
    "for their part", "in addition", "then", "finally", "nonetheless", "nevertheless", "at the same time",
    "at one point", "ultimately", "similarly", "likewise", "in contrast", "by contrast", "as a result", "again",
    "shortly after", "soon after", "it is clear that", "it is very well known and",
)
_INTRO_WORDS = frozenset(
    "in on at during after before according amid despite since while when with without as unlike like asked "
    "following whether".split()
)
_RELATIVES = frozenset("who which that".split())
_SUBORDINATORS = frozenset("if that whether when because as while after before since".split())
_ASIDE_OPENERS = frozenset("unlike like including right left such especially".split())
_CLAUSE_STOPS = frozenset(
    "which who whom whose where while whereas although though because adding saying noting citing calling "
    "according despite unlike".split()
)
_REPORTING = frozenset(
    "said says told tells stated states announced announces claimed claims denied denies added adds noted notes "
    "argued argues insisted insists warned warns confirmed confirms reported reports".split()
)
_AUXILIARIES = frozenset("was were is are has have had will would did been be not never also only just later "
                         "reportedly".split())
_TRAILING = frozenset(
    "a an the of to in on at by for from with and or but that as between about into over than this his her its "
    "their our whether how if when why was were is are has have had".split()
)
_BOUNDARY = re.compile(r"[,;:–—]")
_ASIDE = re.compile(r"[(\[][^()\[\]]{0,300}[)\]]")
_QUOTE_MARKS = re.compile(r"[“”\"«»‘’]")


@dataclass(frozen=True)
class _Token:
    word: Word
    gap: str  # the text between the previous kept word and this one, dates and asides left out

    @property
    def lower(self) -> str:
        return self.word.lower

    @property
    def text(self) -> str:
        return self.word.text


def headline(
    text: str,
    start: int,
    end: int,
    *,
    anchor: tuple[int, int],
    remove: Sequence[tuple[int, int]] = (),
    context_start: int | None = None,
) -> str:
    """A title of at most MAX_WORDS words for the clause text[start:end] about the date at `anchor`.

    `remove` are the spans of dates to leave out; `context_start` is where the sentence begins, for a clause
    that shares its verb with an earlier one ('..., and between Tokayev and Putin on March 4').
    """
    dropped = [_lead_in(text, span, start) for span in remove] + [m.span() for m in _ASIDE.finditer(text, start, end)]
    tokens = _tokens(text, start, end, dropped)
    tokens = _strip_openers(tokens)
    if not tokens:
        return ""
    at = next((index for index, token in enumerate(tokens) if token.word.start >= anchor[1]), len(tokens))
    head = _head(tokens, at)
    if head is not None and head[1] == "verb":
        return _finish(_verb_title(tokens, head[0]))
    if head is not None:
        return _finish(_noun_phrase(tokens, head[0]))
    if context_start is not None and context_start < start:
        phrase = _shared_head(_tokens(text, context_start, start, dropped))
        if phrase:
            return _finish(phrase + tokens[:MAX_WORDS - len(phrase)])
    return _finish(_whole_names(tokens[:MAX_WORDS], tokens, MAX_WORDS))


def _shared_head(context: list[_Token]) -> list[_Token]:
    """What an earlier clause of the sentence says happened, for a clause that only adds a date:
    'phone calls' in '... phone calls between A and B on March 2 and between A and C on March 4',
    'Tokayev spoke' in 'Tokayev spoke with Zelenskyy on March 2 and with Putin on March 4'."""
    cues = [(i, kind) for i, kind in enumerate(_kinds(context)) if kind]
    if not cues:
        return []
    index, kind = cues[-1]
    if kind == "noun":
        return _modifiers(context, index) + [context[index]]
    first = index
    while first > 1 and context[first - 1].lower in _AUXILIARIES:
        first -= 1
    return _subject(context[:first]) + list(context[first:index + 1])


def _lead_in(text: str, span: tuple[int, int], floor: int) -> tuple[int, int]:
    """A date's span with the words that bring it in ('on', 'On the') and a comma after an opening one."""
    span_start, span_end = span
    before = words(text, max(floor, span_start - 24), span_start)
    if before and before[-1].lower == "the" and len(before) > 1 and before[-2].lower in _LEAD_PREPOSITIONS:
        span_start = before[-2].start
    elif before and before[-1].lower in _LEAD_PREPOSITIONS:
        span_start = before[-1].start
    if not text[floor:span_start].strip(" \t\n\"“"):
        comma = re.match(r"\s*,", text[span_end:span_end + 4])
        if comma:
            span_end += comma.end()
    return span_start, span_end


def _tokens(text: str, start: int, end: int, dropped: Sequence[tuple[int, int]]) -> list[_Token]:
    """The words of text[start:end] outside the dropped spans, each with the kept text before it."""
    spans = sorted((max(a, start), min(b, end)) for a, b in dropped if b > start and a < end)
    kept: list[_Token] = []
    position, index = start, 0
    for word in words(text, start, end):
        while index < len(spans) and spans[index][1] <= word.start:
            index += 1
        if index < len(spans) and spans[index][0] <= word.start:
            continue
        pieces, cursor = [], position
        for a, b in spans[max(0, index - 2):index + 1]:
            if a < word.start and b > cursor:
                pieces.append(text[cursor:max(a, cursor)])
                cursor = b
        pieces.append(text[cursor:word.start])
        kept.append(_Token(word, _QUOTE_MARKS.sub("", "".join(pieces))))
        position = word.end
    return kept


def _kinds(tokens: Sequence[_Token]) -> list[str | None]:
    return [cue_kind(token.word, _previous(tokens, index)) for index, token in enumerate(tokens)]


def _previous(tokens: Sequence[_Token], index: int) -> Word | None:
    return tokens[index - 1].word if index > 0 else None


def _strip_openers(tokens: list[_Token]) -> list[_Token]:
    """Leave out 'Moreover,', 'For example,' and an opening phrase set off by a comma ('In an interview, ...')."""
    changed = True
    while changed and tokens:
        changed = False
        lowered = " ".join(token.lower for token in tokens[:6])
        for connective in _CONNECTIVES:
            if lowered == connective or lowered.startswith(connective + " "):
                tokens = tokens[len(connective.split()):]
                changed = True
                break
        if tokens and (tokens[0].lower in _INTRO_WORDS or (tokens[0].text.endswith("ing") and tokens[0].text[0].isupper())):
            for index in range(1, min(len(tokens), 30)):
                if _BOUNDARY.search(tokens[index].gap):
                    rest = tokens[index:]
                    if any(is_event_verb(token.word, _previous(rest, i)) for i, token in enumerate(rest)):
                        tokens = rest
                        changed = True
                    break
    return tokens


def _clause_of(tokens: Sequence[_Token], index: int) -> tuple[int, int]:
    low = index
    while low > 0 and not _BOUNDARY.search(tokens[low].gap):
        low -= 1
    high = index + 1
    while high < len(tokens) and not _BOUNDARY.search(tokens[high].gap):
        high += 1
    return low, high


def _head(tokens: Sequence[_Token], at: int) -> tuple[int, str] | None:
    """The verb or event noun the title is built on: nearest to the date, in its clause first."""
    kinds = _kinds(tokens)
    verbs = [i for i in range(1, len(tokens)) if kinds[i] == "verb" and tokens[i - 1].lower != "to"]
    nouns = [i for i in range(len(tokens)) if kinds[i] == "noun"]
    low, high = _clause_of(tokens, min(max(at - 1, 0), len(tokens) - 1))

    def nearest(indexes: list[int]) -> int:
        return min(indexes, key=lambda i: (abs(i - at + 0.5), i))

    in_clause = [i for i in verbs if low <= i < high]
    nouns_in_clause = [i for i in nouns if low <= i < high]
    if in_clause:
        # A date after its verb phrase belongs to it ('appeared ... on August 1 and was removed');
        # one that opens the clause belongs to what follows ('On March 6 ... marched').
        before = [i for i in in_clause if i < at]
        verb = before[-1] if before else nearest(in_clause)
        reached = [n for n in nouns_in_clause if verb < n < at and any(
            tokens[k].lower in _PREPOSITIONS for k in range(verb + 1, n))]
        if reached and tokens[verb].lower not in _REPORTING:
            return reached[-1], "noun"
        return verb, "verb"
    if nouns_in_clause:
        return nearest(nouns_in_clause), "noun"
    if verbs:
        return nearest(verbs), "verb"
    if nouns:
        return nearest(nouns), "noun"
    return None


def _verb_title(tokens: Sequence[_Token], verb: int) -> list[_Token]:
    first = verb
    while first > 1 and tokens[first - 1].lower in _AUXILIARIES:
        first -= 1
    subject = _subject(tokens[:first])
    return subject + _predicate(tokens, first, verb, MAX_WORDS - len(subject))


def _parts(tokens: Sequence[_Token]) -> list[list[_Token]]:
    parts: list[list[_Token]] = [[]]
    for token in tokens:
        if parts[-1] and _BOUNDARY.search(token.gap):
            parts.append([])
        parts[-1].append(token)
    return [part for part in parts if part]


def _subject(before: Sequence[_Token]) -> list[_Token]:
    """Who acted: the last part before the verb, past asides; 'who' is the name it refers to; 'A and B' both."""
    parts = _parts(before)
    if not parts:
        return []
    chosen = parts[-1]
    if len(chosen) == 1 and chosen[0].lower in _RELATIVES and len(parts) > 1:
        names = [_name_run(part) for part in parts[:-1]]
        named = [name for name in names if len(name) >= 2]
        return named[0] if named else parts[-2]
    index = len(parts) - 1
    while index > 0 and _is_aside(chosen):
        index -= 1
        chosen = parts[index]
    if len(chosen) > 1 and chosen[-1].lower in _RELATIVES:
        chosen = chosen[:-1]  # 'a crisis that (was only exacerbated)'
    if chosen[0].lower == "and" and index > 0:
        other = index - 1
        while other > 0 and _is_aside(parts[other]):
            other -= 1
        return _shorten(parts[other]) + [chosen[0]] + _shorten(chosen[1:])
    for offset in range(len(chosen) - 1, -1, -1):
        if chosen[offset].lower in _SUBORDINATORS and offset < len(chosen) - 1:
            chosen = chosen[offset + 1:]
            break
    return _shorten(chosen)


def _is_aside(part: Sequence[_Token]) -> bool:
    return part[0].lower in _ASIDE_OPENERS


def _name_run(tokens: Sequence[_Token]) -> list[_Token]:
    name: list[_Token] = []
    for token in reversed(tokens):
        if not token.text[0].isupper():
            break
        name.insert(0, token)
    return name


def _shorten(tokens: list[_Token]) -> list[_Token]:
    if len(tokens) <= _MAX_SUBJECT_WORDS:
        return tokens
    name = _name_run(tokens)
    return name if len(name) >= 2 else tokens[-(_MAX_SUBJECT_WORDS - 2):]


def _predicate(tokens: Sequence[_Token], first: int, verb: int, budget: int) -> list[_Token]:
    """The verb with its auxiliaries, and its object up to the next clause."""
    chosen = list(tokens[first:verb + 1])
    index = verb + 1
    if index < len(tokens) and tokens[verb].lower in _REPORTING and tokens[index].lower == "that":
        index += 1
    taken = 0
    while index < len(tokens) and len(chosen) < budget:
        token = tokens[index]
        if taken >= 2 and _BOUNDARY.search(token.gap) or token.lower in _CLAUSE_STOPS:
            break
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if token.lower == "and" and following is not None and (
                following.lower in _AUXILIARIES or is_event_verb(following.word, token.word)):
            break
        chosen.append(token)
        taken += 1
        index += 1
    return _whole_names(chosen, tokens, index)


def _modifiers(tokens: Sequence[_Token], noun: int) -> list[_Token]:
    """The words that qualify a noun: 'phone calls', 'CSTO deployment'; never a date's number."""
    start = noun
    while start > 0 and noun - start < 2 and not tokens[start - 1].text[0].isdigit() and not (
            tokens[start - 1].lower in _PREPOSITIONS | DETERMINERS | _AUXILIARIES) and not _BOUNDARY.search(
            tokens[start].gap):
        start -= 1
    return list(tokens[start:noun])


def _noun_phrase(tokens: Sequence[_Token], noun: int) -> list[_Token]:
    """'phone calls between Tokayev and Zelenskyy': the noun with its modifiers, to the end of its clause."""
    chosen = _modifiers(tokens, noun) + [tokens[noun]]
    index = noun + 1
    while index < len(tokens) and len(chosen) < MAX_WORDS:
        if _BOUNDARY.search(tokens[index].gap) or tokens[index].lower in _CLAUSE_STOPS:
            break
        chosen.append(tokens[index])
        index += 1
    return _whole_names(chosen, tokens, index)


def _whole_names(chosen: list[_Token], tokens: Sequence[_Token], index: int) -> list[_Token]:
    """Do not end in the middle of a name that the word limit cut ('... President Dmitry')."""
    if index < len(tokens) and tokens[index].text[0].isupper() and not _BOUNDARY.search(tokens[index].gap):
        trimmed = list(chosen)
        while len(trimmed) > 3 and trimmed[-1].text[0].isupper():
            trimmed.pop()
        if len(trimmed) < len(chosen):
            return trimmed
    return chosen


def _join(tokens: Sequence[_Token]) -> str:
    pieces = []
    for position, token in enumerate(tokens):
        if position:
            gap = token.gap
            pieces.append(gap if gap and not any(ch.isspace() for ch in gap) and gap in "/-–" else " ")
        pieces.append(token.text)
    return "".join(pieces)


def _finish(tokens: list[_Token]) -> str:
    tokens = tokens[:MAX_WORDS]
    while len(tokens) > 1 and tokens[-1].lower in _TRAILING:
        tokens = tokens[:-1]
    title = _join(tokens).strip(" ,;:-–—")
    title = re.sub(r"\b([Aa]) (?=[AEIOUaeiou])", r"\1n ", title)
    if len(title) > _MAX_CHARACTERS:
        title = title[:_MAX_CHARACTERS].rsplit(" ", 1)[0]
    return title[:1].upper() + title[1:]
