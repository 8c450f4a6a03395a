"""Proposed events from text: which dates make one, their EDTF, titles, quotes and the names found."""

from __future__ import annotations

import pytest

from timeline.ingest.candidates import MAX_QUOTE, propose
from timeline.ingest.gazetteer import Gazetteer


def _proposed(text: str, published: str | None) -> list[tuple[str, str, str]]:
    proposals = propose(text, published=published)
    assert all(text[p.start:p.end] == p.quote for p in proposals)
    return [(p.date, p.title, p.quote) for p in proposals]


@pytest.mark.parametrize("text, published, expected", [
    ("On August 2, Medvedev’s aide, Oleg Osipov denied the post, adding that it was hacked.", "2022-08-17",
     [("2022-08-02", "Oleg Osipov denied the post",
       "On August 2, Medvedev’s aide, Oleg Osipov denied the post, adding that it was hacked.")]),
    ("Russian President Vladimir Putin held talks with Tokayev in Moscow on February 10.", "2022-03",
     [("2022-02-10", "Russian President Vladimir Putin held talks with Tokayev in Moscow",
       "Russian President Vladimir Putin held talks with Tokayev in Moscow on February 10.")]),
    ("Kazakhstan, unlike Belarus, did not vote against the March 2 U.N. resolution.", "2022-03",
     [("2022-03-02", "Kazakhstan did not vote against the U.N. resolution",
       "Kazakhstan, unlike Belarus, did not vote against the March 2 U.N. resolution.")]),
    ("In January protests broke out.", "2022-08-17", [("2022-01", "Protests broke out", "In January protests broke out.")]),
    ("At 8 p.m. on June 17 the forum closed.", "2022-06-24",
     [("2022-06-17T20:00", "The forum closed", "At 8 p.m. on June 17 the forum closed.")]),
    ("The summit ran from June 15 to June 18.", "2022-08-17",
     [("2022-06-15/2022-06-18", "The summit ran", "The summit ran from June 15 to June 18.")]),
    ("The forum last week drew crowds.", "2022-06-23",
     [("[2022-06-13..2022-06-19]", "The forum drew crowds", "The forum last week drew crowds.")]),
    ("On 3 March 2022 the vote took place.", None, [("2022-03-03", "The vote took place", "On 3 March 2022 the vote took place.")]),
])
def test_a_dated_occurrence_is_proposed(text, published, expected):
    assert _proposed(text, published) == expected


@pytest.mark.parametrize("text", [
    "In 2014 Putin said Kazakhs had no state.",  # a year in passing
    "The post stayed up for about 9 minutes.",  # a duration
    "Protests happen every Tuesday.",  # a set
    "Why did nobody react on March 2?",  # a question
    "The January protests were large.",  # a month as a modifier
    "It did not exist as recently as January.",
    "The regime was stable on March 2.",  # a state, not an occurrence
    "August 20, 2022 at 8:23 am",  # a comment's time stamp
    "The law will enter into force on 1 July 2023.",
])
def test_no_proposal_without_an_occurrence_on_a_day_week_or_month(text):
    assert _proposed(text, "2022-08-17") == []


def test_a_date_without_a_year_needs_a_publication_date():
    assert _proposed("On March 3 the vote took place.", None) == []


def test_hedged_dates_are_approximate():
    text = "Around June 20, officials met in Moscow. Officials reportedly met on June 21. They met on June 22."
    assert [date for date, _, _ in _proposed(text, "2022-08-17")] == ["2022-06-20~", "2022-06-21~", "2022-06-22"]


def test_a_weekday_counted_from_an_approximate_publication_date_is_approximate():
    text = "Dubnov said on Wednesday that Tokayev did not falter. Simonyan moderated the talks on June 17."
    assert _proposed(text, "2022-06-23~") == [
        ("2022-06-22~", "Dubnov said Tokayev did not falter", "Dubnov said on Wednesday that Tokayev did not falter."),
        ("2022-06-17", "Simonyan moderated the talks", "Simonyan moderated the talks on June 17.")]


def test_one_proposal_per_date_each_quoting_its_clause():
    text = ("This position continued in official reports of phone calls between Tokayev and Zelenskyy on March 2 "
            "and between Tokayev and Putin on March 4.")
    assert _proposed(text, "2022-03") == [
        ("2022-03-02", "Phone calls between Tokayev and Zelenskyy",
         "This position continued in official reports of phone calls between Tokayev and Zelenskyy on March 2"),
        ("2022-03-04", "Phone calls between Tokayev and Putin", "between Tokayev and Putin on March 4.")]
    assert [title for _, title, _ in _proposed("Tokayev spoke with Zelenskyy on March 2 and with Putin on March 4.",
                                               "2022-03")] == ["Tokayev spoke with Zelenskyy", "Tokayev spoke with Putin"]


def test_a_clause_after_a_colon_quotes_from_there():
    text = ("The mood softened: On February 28 Abai.kz published an article on a petition, "
            "and on March 3 Azattyq interviewed senators.")
    assert _proposed(text, "2022-03") == [
        ("2022-02-28", "Abai.kz published an article on a petition",
         "On February 28 Abai.kz published an article on a petition"),
        ("2022-03-03", "Azattyq interviewed senators", "on March 3 Azattyq interviewed senators.")]


def test_a_speakers_yesterday_and_a_channel_called_today_are_not_dates():
    assert [date for date, _, _ in _proposed("“Yesterday we met the minister,” he said on Friday.", "2022-06-24")] == [
        "2022-06-24"]
    assert _proposed("Margarita Simonyan of Russia Today spoke on June 17.", "2022-06-24") == [
        ("2022-06-17", "Margarita Simonyan of Russia Today spoke", "Margarita Simonyan of Russia Today spoke on June 17.")]


def test_a_long_sentence_is_quoted_by_the_clauses_around_its_date():
    text = "The rally on March 6 in Almaty, which " + "was very large and loud, " * 20 + "ended peacefully."
    [(date, title, quote)] = _proposed(text, "2022-03")
    assert date == "2022-03-06" and title == "Rally in Almaty"
    assert len(quote) <= MAX_QUOTE and quote.startswith("The rally on March 6 in Almaty, which was very large")


def test_actors_and_places_come_from_the_gazetteer():
    gazetteer = Gazetteer([("Kassym-Jomart Tokayev", ["Tokayev"]), ("Vladimir Putin", ["Putin"])])
    [proposal] = propose("Putin held talks with Tokayev in Moscow on February 10. Tokayev went home to Almaty.",
                         published="2022-03", gazetteer=gazetteer)
    assert (proposal.actors, proposal.places) == (("Vladimir Putin", "Kassym-Jomart Tokayev"), ("Moscow",))
    assert proposal.summary == "Putin held talks with Tokayev in Moscow on February 10."
