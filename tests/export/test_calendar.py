"""The iCalendar export read back by the `icalendar` library: the events exactly, all-day where the day is known."""

from __future__ import annotations

import io
import json
from datetime import date, datetime, timezone

import icalendar
import pytest

from timeline.export.calendar import fold, ics_text, write_ics

from exporting import xss_payloads

STAMP = datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def parse(text: str) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    return list(calendar.walk("VEVENT"))


def export(documents: list[dict], **options) -> str:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    write_ics(documents, out, stamp=STAMP, **options)
    return out.getvalue()


@pytest.fixture
def seeded(cli) -> list[dict]:  # type: ignore[no-untyped-def]
    return json.loads(cli("query", "--format", "json").stdout)


def by_slug(documents: list[dict], slug: str) -> dict:
    return next(doc for doc in documents if doc["slug"] == slug)


def test_every_event_comes_back_with_its_uid_and_title(cli, seeded):
    text = cli("export", "--format", "ics", "-o", "-").stdout
    events = parse(text)
    assert [str(e["UID"]) for e in events] == [f"{d['id']}-{d['slug']}@timeline" for d in seeded]
    flags = {"disputed": "[Disputed] ", "denied": "[Denied] ", "false": "[False] "}
    assert [str(e["SUMMARY"]) for e in events] == [flags.get(d["status"], "") + d["title"] for d in seeded]
    assert all(str(e["DESCRIPTION"]).startswith(f"{d['display_date']} (EDTF {d['date']})") for e, d in zip(events, seeded))


def test_day_precision_is_all_day_with_dtend_the_next_day(seeded):
    event = parse(export([by_slug(seeded, "2022-08-02-osipov-says-account-hacked")]))[0]
    assert event["DTSTART"].dt == date(2022, 8, 2) and type(event["DTSTART"].dt) is date
    assert event["DTEND"].dt == date(2022, 8, 3)
    assert event["DTSTART"].params.get("VALUE") == "DATE"


@pytest.mark.parametrize("edtf, start, end", [
    ("2022-07", date(2022, 7, 1), date(2022, 8, 1)),                                 # a month: its days
    ("2022-04/2022-05", date(2022, 4, 1), date(2022, 6, 1)),                         # months to months
    ("2022-01-02/2022-01-19", date(2022, 1, 2), date(2022, 1, 20)),                  # days to days
    ("2022-06-18~", date(2022, 6, 17), date(2022, 6, 20)),                           # c. 18 Jun: its possible days
    ("[2022-08-01..2022-08-02]", date(2022, 8, 1), date(2022, 8, 3)),                # one of two days
    ("2022-10/2022-11-08", date(2022, 10, 1), date(2022, 11, 9)),                    # a month to a day
])
def test_coarser_and_fuzzy_dates_span_their_possible_days(seeded, edtf, start, end):
    event = parse(export([next(d for d in seeded if d["date"] == edtf)]))[0]
    assert (event["DTSTART"].dt, event["DTEND"].dt) == (start, end)
    assert type(event["DTSTART"].dt) is date and type(event["DTEND"].dt) is date


def test_a_time_of_day_becomes_utc(seeded):
    doc = next(d for d in seeded if d["date"] == "2019-03-19T19:00:00+06:00")
    event = parse(export([doc]))[0]
    assert event["DTSTART"].dt == datetime(2019, 3, 19, 13, 0, tzinfo=timezone.utc)
    assert event["DTEND"].dt == datetime(2019, 3, 19, 13, 0, 1, tzinfo=timezone.utc)


def test_open_end_keeps_to_the_start(seeded):
    doc = dict(by_slug(seeded, "2022-08-02-osipov-says-account-hacked"), date="2022-08-02/..",
               end_earliest="2022-08-02", end_latest=None)
    event = parse(export([doc]))[0]
    assert (event["DTSTART"].dt, event["DTEND"].dt) == (date(2022, 8, 2), date(2022, 8, 3))


def test_uid_is_stable_across_exports_and_filters(cli):
    first = {str(e["UID"]) for e in parse(cli("export", "-f", "ics", "-o", "-").stdout)}
    again = {str(e["UID"]) for e in parse(cli("export", "-f", "ics", "-o", "-", "--tag", "spief-2022").stdout)}
    tagged = json.loads(cli("query", "--tag", "spief-2022", "--format", "json").stdout)
    assert again < first and len(again) == len(tagged) > 1


@pytest.mark.parametrize("payload", xss_payloads() + [
    "semi;colon, comma\\backslash", "line one\nline two\r\nline three", "ünïcödé " * 40, "Казахстан — 哈萨克斯坦 " * 12,
])
def test_escaping_and_folding_round_trip_exactly(seeded, payload):
    doc = dict(by_slug(seeded, "2022-08-02-osipov-says-account-hacked"), title=payload, summary=payload,
               place=payload, tags=[payload, "plain"])
    text = export([doc], title=payload)
    for line in text.split("\r\n")[:-1]:
        assert len(line.encode("utf-8")) <= 75
        assert "\n" not in line and "\r" not in line
    assert text.endswith("END:VCALENDAR\r\n")
    event = parse(text)[0]
    expected = payload.replace("\r\n", "\n")
    assert str(event["SUMMARY"]) == expected
    assert f"\n\n{expected}\n\nSources:" in str(event["DESCRIPTION"])
    assert str(event["LOCATION"]) == f"{expected}, RU"
    assert [str(c) for c in event["CATEGORIES"].cats] == ["statement", expected, "plain"]


def test_fold_never_splits_a_character():
    line = "DESCRIPTION:" + "я" * 100 + "😀" * 30
    folded = fold(line)
    assert folded.replace("\r\n ", "").removesuffix("\r\n") == line
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))


def test_text_escapes():
    assert ics_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"


def test_stamp_comes_from_source_date_epoch(cli, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    text = cli("export", "-f", "ics", "-o", "-", "--tag", "medvedev-vk-post").stdout
    assert {e["DTSTAMP"].dt for e in parse(text)} == {datetime(2023, 11, 14, 22, 13, 20, tzinfo=timezone.utc)}


def test_a_date_calendars_cannot_hold_is_refused(cli, tmp_path):
    from conftest import snapshot

    cli("add", "--title", "Caesar is killed", "--date", "-0043-03-15", "--source", "afp-2022-06-war-strains-ties")
    before = snapshot(cli.url)
    folder = tmp_path / "out"
    folder.mkdir()
    result = cli("export", "-f", "ics", "-o", str(folder / "all.ics"))
    assert result.exit_code == 1
    assert result.stderr.startswith("error: date: '-0043-03-15' is not valid; expected a date between the years 1 and 9999")
    assert result.stderr.count("\n") == 1
    assert list(folder.iterdir()) == []  # neither the file nor its temporary
    assert snapshot(cli.url) == before


def test_an_empty_calendar_is_refused(cli):
    result = cli("export", "-f", "ics", "-o", "-", "--text", "no event says this")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == ("error: --format: 'ics' is not valid; expected filters that select at least one event "
                             "(a calendar cannot be empty)\n")
