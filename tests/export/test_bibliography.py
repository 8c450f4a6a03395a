"""The CSL-JSON bibliography of the cited sources, validated against the official CSL data schema."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest

from timeline.export.bibliography import csl_date, write_csl_json

from exporting import xss_payloads

CSL_SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "data" / "csl-data.json").read_text(encoding="utf-8"))


def validate(items: list[dict]) -> None:
    jsonschema.Draft7Validator.check_schema(CSL_SCHEMA)
    jsonschema.Draft7Validator(CSL_SCHEMA).validate(items)


def test_every_cited_source_once_in_order_of_first_citation(cli):
    items = json.loads(cli("export", "--format", "csl-json", "-o", "-").stdout)
    validate(items)
    documents = json.loads(cli("query", "--format", "json").stdout)
    first_cited = list(dict.fromkeys(c["source_id"] for d in documents for c in d["citations"]))
    assert [item["custom"]["timeline-source-id"] for item in items] == first_cited
    assert len({item["id"] for item in items}) == len(items)


def test_source_fields_map_to_csl_variables(cli):
    items = json.loads(cli("export", "-f", "csl-json", "-o", "-", "--tag", "spief-2022").stdout)
    afp = next(item for item in items if item["id"] == "afp-2022-06-war-strains-ties")
    assert afp["type"] == "article-newspaper"
    assert afp["container-title"] == "Goodword News" and afp["original-publisher"] == "AFP"
    assert afp["issued"] == {"date-parts": [[2022, 6, 23]], "circa": True}
    assert afp["URL"].startswith("https://goodwordnews.com/")
    cited = json.loads(cli("export", "-f", "csl-json", "-o", "-", "--source", "eurasiareview-2022-08-17-untold-truth",
                           "--limit", "1").stdout)
    eurasia = next(item for item in cited if item["id"] == "eurasiareview-2022-08-17-untold-truth")
    assert eurasia["author"] == [{"literal": "Akhas Tazhutov"}]  # one field, never split into given and family


@pytest.mark.parametrize("edtf, expected", [
    ("2022-08-17", {"date-parts": [[2022, 8, 17]]}),
    ("2022-06", {"date-parts": [[2022, 6]]}),
    ("2022-09~", {"date-parts": [[2022, 9]], "circa": True}),
    ("[2022-08-02..2022-08-03]", {"date-parts": [[2022, 8, 2], [2022, 8, 3]]}),
    ("2022-22", {"date-parts": [[2022]], "season": 2}),
    ("2022-01/..", {"literal": "2022-01/.."}),
    ("not a date", {"literal": "not a date"}),
])
def test_csl_dates(edtf, expected):
    assert csl_date(edtf) == expected
    validate([{"id": "x", "type": "article", "issued": expected}])


def test_hostile_sources_stay_valid_csl(hostile_url):
    from conftest import Cli

    text = Cli(hostile_url)("export", "-f", "csl-json", "-o", "-", "--tag", "xss").stdout
    items = json.loads(text)
    validate(items)
    assert {item["title"] for item in items} == {payload.strip() for payload in xss_payloads()}
    assert all("URL" not in item or item["URL"].startswith("https://example.org/payload/") for item in items)


def test_without_source_records_the_citations_are_enough():
    citation = {"source_id": 7, "source_key": None, "source_title": "A title", "publisher": "A site",
                "url": "https://example.org/a", "published": "2022-05~"}
    out = io.StringIO()
    assert write_csl_json([{"citations": [citation]}], out) == "1 source cited by 1 event"
    items = json.loads(out.getvalue())
    validate(items)
    assert items == [{"id": "source-7", "type": "article", "title": "A title", "container-title": "A site",
                      "issued": {"date-parts": [[2022, 5]], "circa": True}, "URL": "https://example.org/a",
                      "custom": {"timeline-source-id": 7}}]
