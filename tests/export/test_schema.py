"""`timeline schema` publishes the event document's JSON Schema; json and jsonl exports validate against it."""

from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import SEED_EVENTS
from timeline.export.schema import event_schema


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = event_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_schema_command_prints_the_published_schema(cli):
    result = cli("schema")
    assert result.exit_code == 0 and result.stderr == ""
    printed = json.loads(result.stdout)
    assert printed == event_schema()
    assert printed["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_json_export_validates(cli, validator):
    documents = json.loads(cli("export", "--format", "json", "-o", "-").stdout)
    assert len(documents) == SEED_EVENTS
    for document in documents:
        validator.validate(document)


def test_jsonl_export_validates_line_by_line(cli, validator):
    lines = cli("export", "--format", "jsonl", "-o", "-").stdout.splitlines()
    assert len(lines) == SEED_EVENTS
    for line in lines:
        validator.validate(json.loads(line))


def test_schema_names_every_field_and_nothing_more(cli):
    """additionalProperties is false and every field is required, so the schema and the documents cannot drift."""
    document = json.loads(cli("show", "2022-08-02-osipov-says-account-hacked", "--format", "json").stdout)
    schema = event_schema()
    assert schema["required"] == list(document)
    assert schema["properties"]["citations"]["items"]["required"] == list(document["citations"][0])


@pytest.mark.parametrize("change, path", [
    (lambda d: d.update(status="rumoured"), "status"),
    (lambda d: d.update(citations=[]), "citations"),
    (lambda d: d["citations"][0].update(url="javascript:alert(1)"), "url"),
    (lambda d: d.update(start_earliest="17 June 2022"), "start_earliest"),
    (lambda d: d.update(extra="field"), "extra"),
])
def test_schema_refuses_what_we_never_publish(cli, validator, change, path):
    document = json.loads(cli("show", "2022-08-02-osipov-says-account-hacked", "--format", "json").stdout)
    change(document)
    errors = list(validator.iter_errors(document))
    assert any(path in " ".join(map(str, [*error.absolute_path, error.message])) for error in errors)
