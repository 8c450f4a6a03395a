"""The gazetteer: actor names and aliases from the database, places from events and the shipped list."""

from __future__ import annotations

from timeline.ingest.gazetteer import Gazetteer, shipped_places

ACTORS = [("Kassym-Jomart Tokayev", ["Tokayev", "Toqaev"]), ("Vladimir Putin", ["Putin"]),
          ("Ministry of Foreign Affairs of Kazakhstan", ["Kazakh Foreign Ministry"]), ("Kazakhstan", [])]


def _found(gazetteer: Gazetteer, text: str) -> list[tuple[str, str, str]]:
    return [(text[m.start:m.end], m.name, m.kind) for m in gazetteer.find(text)]


def test_names_and_aliases_lead_to_the_canonical_name():
    gazetteer = Gazetteer(ACTORS, shipped=False)
    assert _found(gazetteer, "Toqaev met Putin; the Kazakh Foreign Ministry and Kassym-Jomart Tokayev agreed.") == [
        ("Toqaev", "Kassym-Jomart Tokayev", "actor"), ("Putin", "Vladimir Putin", "actor"),
        ("Kazakh Foreign Ministry", "Ministry of Foreign Affairs of Kazakhstan", "actor"),
        ("Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev", "actor")]


def test_whole_words_only_and_possessives_count():
    gazetteer = Gazetteer(ACTORS, shipped=False)
    assert _found(gazetteer, "Putinism, Putin’s aide and pre-Putin times") == [("Putin", "Vladimir Putin", "actor")]


def test_shipped_places_with_countries_and_spellings():
    gazetteer = Gazetteer(ACTORS)
    assert _found(gazetteer, "From St. Petersburg to Kiev and Kazakhstan") == [
        ("St. Petersburg", "St Petersburg", "place"), ("Kiev", "Kyiv", "place"),
        ("Kazakhstan", "Kazakhstan", "actor"), ("Kazakhstan", "Kazakhstan", "place")]
    assert gazetteer.country_of("St Petersburg") == "RU"
    assert gazetteer.is_country("Kazakhstan") and not gazetteer.is_country("Almaty")
    assert {place.kind for place in shipped_places()} == {"country", "region", "city"}
    assert all(len(place.country) == 2 and place.country.isupper() for place in shipped_places())


def test_stored_places_and_their_parts():
    gazetteer = Gazetteer([], [("Qatar Economic Forum, Doha", "QA"), ("Zhanaozen and Aktau, Mangystau region", "KZ"),
                               ("Square behind the Sary-Arka cinema, Almaty", "KZ")], shipped=False)
    assert _found(gazetteer, "At the Qatar Economic Forum in Doha; protests in Zhanaozen spread to Aktau.") == [
        ("Qatar Economic Forum", "Qatar Economic Forum", "place"), ("Doha", "Doha", "place"),
        ("Zhanaozen", "Zhanaozen", "place"), ("Aktau", "Aktau", "place")]
    assert gazetteer.country_of("Doha") == "QA"


def test_find_within_a_span():
    gazetteer = Gazetteer(ACTORS, shipped=False)
    text = "Putin and Tokayev"
    assert [m.name for m in gazetteer.find(text, 6, len(text))] == ["Kassym-Jomart Tokayev"]
    assert gazetteer.find(text, 0, 4) == []
