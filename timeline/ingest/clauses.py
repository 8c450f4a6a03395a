"""What makes a clause report an occurrence: event verbs, past tense, event nouns, hedges, and the words around a date.
Owns these word lists and the tests on them; must not choose dates, titles or sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "DETERMINERS",
    "PRONOUNS",
    "Word",
    "cue_kind",
    "cue_positions",
    "hedge_positions",
    "hedged",
    "is_event_noun",
    "is_event_verb",
    "words",
]

# '1,500', 'Medvedev’s', 'Nur-Sultan', 'St.Petersburg' and 'U.N.' are one word each.
_WORD = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|[^\W_]+(?:[’'.-][^\W_]+)*(?:(?<=\.[^\W_])\.)?")


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str
    lower: str  # lower case, a final full stop dropped ('U.N.' -> 'u.n')


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """The words of text[start:end] with their offsets ('Medvedev’s', 'U.N.', 'Nur-Sultan' are one word each)."""
    stop = len(text) if end is None else end
    return [Word(m.start(), m.end(), word, word.lower().rstrip("."))
            for m in _WORD.finditer(text, start, stop) for word in (m.group(),)]


_IRREGULAR_PAST = frozenset(
    "said told met held took gave made went came saw began ran won lost left sent brought bought built broke wrote "
    "spoke rose fell grew knew found got kept stood struck sought paid led fought flew drove chose threw shot "
    "spread swept hung froze stole sold sat beat hid tore swore shook woke drew rode became overtook undertook "
    "withdrew overthrew arose forbade upheld withheld overcame foresaw sank sprang swam sang rang felt dealt spent "
    "fled fed sped lit slept wept crept leapt struck bore wore forgave mistook underwent shut hit quit put set cut "
    "cast".split()
)
# Words in -ed that are not reports of something that happened: adjectives, plans, and words that only look past.
_NOT_PAST = frozenset(
    "need speed red bed seed feed shed weed deed heed reed sled bred indeed united hundred based limited expected scheduled planned proposed "
    "unprecedented alleged so-called armed advanced detailed intended supposed concerned interested related "
    "sophisticated dedicated experienced qualified talented varied learned aged beloved wicked naked sacred "
    "crooked rugged ragged wretched embed".split()
)
# Being and having: a state, not an occurrence.
_STATIVE = frozenset("was were is are be been being had has have did does do seemed existed remained meant lay "
                     "belonged consisted contained owned".split())
_PRESENT_EVENT_VERBS = frozenset(
    "says tells announces declares claims denies reports confirms signs meets holds visits votes calls urges "
    "warns launches approves rejects orders appoints arrives leaves begins opens closes publishes posts speaks "
    "sit sits attends addresses agrees accuses condemns demands resigns dies kills attacks halts suspends "
    "resumes".split()
)
_EVENT_NOUNS = frozenset(
    "talks meeting meetings summit visit call calls rally rallies protest protests demonstration demonstrations "
    "march vote voting referendum election elections resolution petition interview statement speech address "
    "announcement decree ruling verdict trial hearing attack attacks strike strikes invasion deployment "
    "withdrawal agreement deal treaty forum conference session ceremony parade explosion shutdown shutdowns reports "
    "suspension crash riot riots unrest coup arrest arrests detention uprising clashes post article broadcast "
    "telecast tweet".split()
)
# Plain forms that report an occurrence after 'did not', 'never': 'Kazakhstan did not vote against ...'.
_PLAIN_EVENT_VERBS = frozenset(
    "vote meet sign say call hold visit attend recognize recognise agree approve reject attack invade withdraw "
    "send join leave support condemn abstain".split()
)
_NEGATING = frozenset("did not never didn’t didn't".split())
PRONOUNS = frozenset("he she it they we i you who which that".split())
DETERMINERS = frozenset("the a an his her its their our my your this that these those".split())
_HEDGES_BEFORE = frozenset("about around approximately roughly circa c ca sometime near".split())
_HEDGES_ANYWHERE = frozenset("reportedly allegedly purportedly apparently supposedly".split())


def is_event_verb(word: Word, previous: Word | None) -> bool:
    """A finite verb that reports something done: 'marched', 'held', 'says'; not 'was', 'the armed forces'."""
    lower = word.lower
    if lower in _STATIVE:
        return False
    if previous is not None and previous.lower in DETERMINERS:
        return False
    if lower in _PRESENT_EVENT_VERBS and lower in _EVENT_NOUNS and previous is not None and (
            previous.text[0].islower() and previous.lower not in PRONOUNS):
        return False  # 'phone calls', 'official reports': nouns after a modifier, verbs after a subject
    if lower in _IRREGULAR_PAST or lower in _PRESENT_EVENT_VERBS:
        return True
    if previous is not None and previous.lower in _NEGATING and lower in _PLAIN_EVENT_VERBS:
        return True
    if len(lower) > 3 and lower.endswith("ed") and lower not in _NOT_PAST and lower.isalpha():
        return word.text[0].islower() or previous is None
    return False


def is_event_noun(word: Word, previous: Word | None = None) -> bool:
    """'talks', 'rally', 'vote'; a capitalised one is part of a name ('Economic Forum', 'March 2') unless it opens."""
    return word.lower in _EVENT_NOUNS and (word.text[0].islower() or previous is None)


def cue_kind(word: Word, previous: Word | None) -> str | None:
    """'verb' for an event verb, 'noun' for an event noun, None for any other word."""
    if is_event_verb(word, previous):
        return "verb"
    return "noun" if is_event_noun(word, previous) else None


def cue_positions(sentence: list[Word], skip: Sequence[tuple[int, int]] = ()) -> list[int]:
    """Where a sentence's event verbs and event nouns start ('marched', 'held', 'talks'), outside the spans in
    `skip` (its dates: 'March' in 'March 2' is no march). One pass, so that any clause of it is checked by bisection."""
    positions = []
    previous = None
    spans = sorted(skip)
    index = 0
    for word in sentence:
        while index < len(spans) and spans[index][1] <= word.start:
            index += 1
        skipped = index < len(spans) and spans[index][0] <= word.start
        if not skipped and cue_kind(word, previous):
            positions.append(word.start)
        previous = word
    return positions


def hedge_positions(sentence: list[Word]) -> list[int]:
    """Where 'reportedly', 'allegedly' and their kin stand: any date in their clause is approximate."""
    return [word.start for word in sentence if word.lower in _HEDGES_ANYWHERE]


def hedged(before: list[Word]) -> bool:
    """'about June 20', 'around March': the date right after is approximate."""
    return any(word.lower in _HEDGES_BEFORE for word in before[-2:])
