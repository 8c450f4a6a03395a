"""Matching a proposal to the stored event it probably reports: dates that may overlap, words that are shared."""

from __future__ import annotations

from timeline.ingest.candidates import Proposal
from timeline.ingest.matching import MATCH_THRESHOLD, WordWeights, best_match, date_window, score, terms

RALLY = {"id": 10, "slug": "2022-03-06-almaty-anti-war-rally", "date": "2022-03-06",
         "title": "Authorised rally against the war and in support of Ukraine held in Almaty",
         "summary": "Several thousand people rallied behind the Sary-Arka cinema.", "place": "Almaty",
         "actors": [{"name": "Darkhan Sharip", "role": "speaker"}], "citations": []}
VOTE = {"id": 7, "slug": "2022-03-06-some-vote", "date": "2022-03-06", "title": "Parliament votes on a budget",
        "summary": None, "place": None, "actors": [], "citations": []}
DENIAL = {"id": 58, "slug": "2022-08-04-medvedev-calls-hack-information-war", "date": "2022-08-04",
          "title": "Medvedev calls the hacking of his account part of an information war", "summary": None,
          "place": None, "actors": [], "citations": [{"source_id": 1, "quote": "he himself made a similar statement"}]}
SENTENCES = ["On March 6 demonstrators rallied in Almaty in support of Ukraine.", "Kazakhstan abstained.",
             "Kazakhstan is big.", "Kazakhstan votes."]
WEIGHTS = WordWeights.of(SENTENCES)


def _proposal(date: str, quote: str) -> Proposal:
    return Proposal(date=date, title=quote, summary=quote, quote=quote, start=0, end=len(quote))


def test_terms_are_folded_stemmed_content_words():
    assert terms("The Rallies in Almaty’s squares on March 6, 2022") == {"rally", "almaty", "squar"}
    assert terms("vote votes voted voting") == {"vot"}


def test_rare_words_weigh_more_than_the_documents_subject():
    assert WEIGHTS("rally") > WEIGHTS("kazakhstan")
    assert WEIGHTS("never-seen") >= WEIGHTS("rally")


def test_the_event_sharing_the_telling_words_wins():
    proposal = _proposal("2022-03-06", SENTENCES[0])
    assert score(proposal, RALLY, WEIGHTS) > MATCH_THRESHOLD > score(proposal, VOTE, WEIGHTS)
    match = best_match(proposal, [VOTE, RALLY], WEIGHTS)
    assert match is not None and match.event["slug"] == RALLY["slug"]


def test_dates_must_be_able_to_overlap():
    assert score(_proposal("2022-03-08", SENTENCES[0]), RALLY, WEIGHTS) == 0
    assert best_match(_proposal("2022-04", SENTENCES[0]), [RALLY], WEIGHTS) is None


def test_a_day_out_counts_for_less():
    near, exact = _proposal("2022-03-07", SENTENCES[0]), _proposal("2022-03-06", SENTENCES[0])
    assert 0 < score(near, RALLY, WEIGHTS) == round(0.8 * score(exact, RALLY, WEIGHTS), 3)
    exact, widened = date_window("2022-03-07")
    assert (exact.start_earliest - widened.start_earliest, widened.end_latest - exact.end_latest) == (86_400, 86_400)


def test_an_event_citing_the_same_passage_is_the_same_report():
    proposal = _proposal("2022-08-03", "On August 3, he himself made a similar statement in relation to that post.")
    assert score(proposal, DENIAL, WEIGHTS, source_id=1) == 1.0
    assert score(proposal, DENIAL, WEIGHTS, source_id=2) < 1.0
    far = _proposal("2022-01-21", "On January 21 he himself made a similar statement again.")
    assert score(far, DENIAL, WEIGHTS, source_id=1) == 0  # the same sentence, but another occurrence
