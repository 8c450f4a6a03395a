"""Sentence splitting with offsets: abbreviations, initials, decimals, quotations, headings and wrapped lines."""

from __future__ import annotations

import pytest

from timeline.ingest.sentences import quotations, split_sentences


def _texts(text: str) -> list[str]:
    sentences = split_sentences(text)
    assert all(text[s.start:s.end] == s.text for s in sentences)
    return [s.text for s in sentences]


@pytest.mark.parametrize("text, expected", [
    ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
    ("The U.S. Congress voted. The U.N. resolution passed.", ["The U.S. Congress voted.", "The U.N. resolution passed."]),
    ("Sanctions came from the U.S. The EU followed.", ["Sanctions came from the U.S.", "The EU followed."]),
    ("It happened on Jan. 5 in Almaty. Then it ended.", ["It happened on Jan. 5 in Almaty.", "Then it ended."]),
    ("J. R. Smith wrote it. Nobody read it.", ["J. R. Smith wrote it.", "Nobody read it."]),
    ("Growth was 1.5 per cent. Prices rose.", ["Growth was 1.5 per cent.", "Prices rose."]),
    ("St. Petersburg hosted it. Mr.Medvedev wrote.", ["St. Petersburg hosted it.", "Mr.Medvedev wrote."]),
    ('He said: “Stop. Now.” Then he left.', ['He said: “Stop. Now.”', "Then he left."]),
    ('"Go home." She did.', ['"Go home."', "She did."]),
    ("Was it? Yes! It was... Fine.", ["Was it?", "Yes!", "It was...", "Fine.", ]),
    ("“Why?” he asked. Nobody knew.", ["“Why?” he asked.", "Nobody knew."]),
    ("A heading\n\nThe first paragraph. Its second sentence.\nA line of its own",
     ["A heading", "The first paragraph.", "Its second sentence.", "A line of its own"]),
    ("", []),
    ("   \n\n  ", []),
    ("no stop at the end", ["no stop at the end"]),
])
def test_sentences(text, expected):
    assert _texts(text) == expected


def test_wrapped_lines_are_joined_and_blank_lines_split():
    text = ("On 2 March Tokayev spoke with Zelenskyy by telephone, and two days later\n"
            "he called Putin. Both calls were reported by his office in the usual\n"
            "terse style of such statements, with no word on what was agreed at all.\n"
            "\n"
            "A new paragraph starts here and goes on for a while before it stops.\n")
    assert _texts(text) == [
        "On 2 March Tokayev spoke with Zelenskyy by telephone, and two days later\nhe called Putin.",
        "Both calls were reported by his office in the usual\nterse style of such statements, with no word on "
        "what was agreed at all.",
        "A new paragraph starts here and goes on for a while before it stops.",
    ]


def test_a_long_quotation_is_split_into_its_sentences():
    speech = "“" + " ".join(["This is one sentence of a long speech."] * 10) + "”"
    assert len(_texts(speech)) == 10


def test_quotations_nest_and_apostrophes_do_not_close_them():
    text = "He wrote: ‘Medvedev’s aide got a ‘proposal’ yesterday’, it says. “Short.”"
    spans = quotations(text)
    assert [text[a:b] for a, b in spans] == ["‘Medvedev’s aide got a ‘proposal’ yesterday’", "“Short.”"]


def test_an_unclosed_quotation_ends_at_a_blank_line():
    text = "He said “this never closes.\n\nA new paragraph. “Closed.”"
    assert [text[a:b] for a, b in quotations(text)] == ["“Closed.”"]
    assert _texts(text) == ["He said “this never closes.", "A new paragraph.", "“Closed.”"]
