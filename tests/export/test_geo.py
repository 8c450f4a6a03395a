"""The GeoJSON export read back by the `geojson` library: a valid FeatureCollection of the events with coordinates."""

from __future__ import annotations

import json

import geojson


def test_feature_collection_of_located_events(cli):
    text = cli("export", "--format", "geojson", "-o", "-").stdout
    collection = geojson.loads(text)
    assert isinstance(collection, geojson.FeatureCollection)
    assert collection.is_valid, collection.errors()
    documents = json.loads(cli("query", "--format", "json").stdout)
    located = [d for d in documents if d["lat"] is not None]
    assert 0 < len(located) < len(documents)
    assert [f["id"] for f in collection["features"]] == [d["id"] for d in located]
    for feature, doc in zip(collection["features"], located):
        assert feature["geometry"]["coordinates"] == [doc["lon"], doc["lat"]]  # RFC 7946: longitude first
        assert feature["properties"]["slug"] == doc["slug"]
        assert feature["properties"]["status"] == doc["status"]


def test_written_count_says_how_many_had_coordinates(cli, tmp_path):
    target = tmp_path / "spief.geojson"
    result = cli("export", "-f", "geojson", "-o", str(target), "--tag", "spief-2022")
    features = json.loads(target.read_text(encoding="utf-8"))["features"]
    tagged = json.loads(cli("query", "--tag", "spief-2022", "--format", "json").stdout)
    assert 0 < len(features) < len(tagged)
    assert result.stderr == f"wrote {len(features)} of {len(tagged)} events (those with coordinates) to {target}\n"


def test_no_located_events_is_an_empty_valid_collection(cli):
    collection = geojson.loads(cli("export", "-f", "geojson", "-o", "-", "--text", "no event says this").stdout)
    assert collection.is_valid and collection["features"] == []
