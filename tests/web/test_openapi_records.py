"""/api/openapi.json types the article record fully: its schemas are generated from the record's dataclasses."""

from __future__ import annotations

import dataclasses
import re

import pytest

from dateline import records
from dateline.records import Article


def _spec(client) -> dict:
    return client.get("/api/openapi.json").json()


def test_every_record_field_is_typed(client) -> None:
    schemas = _spec(client)["components"]["schemas"]
    for name in ("Article", "Event", "Entity", "Quote", "Location", "ActorRef", "Sentence", "Published"):
        cls = getattr(records, name)
        properties = schemas[name]["properties"]
        assert list(properties) == [f.name for f in dataclasses.fields(cls)], name
        assert all(
            ("type" in rule) or ("$ref" in rule) or ("anyOf" in rule) for rule in properties.values()
        ), name
    assert schemas["Event"]["properties"]["modality"]["enum"] == list(records.MODALITIES)
    assert schemas["Article"]["properties"]["events"] == {
        "type": "array",
        "items": {"$ref": "#/components/schemas/Event"},
    }


def test_every_reference_resolves(client) -> None:
    spec = _spec(client)
    refs = set(re.findall(r"#/components/schemas/(\w+)", str(spec)))
    assert refs <= set(spec["components"]["schemas"])


def test_served_articles_fit_their_schema(client, articles: dict[str, Article]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    spec = _spec(client)
    validator = jsonschema.Draft202012Validator({"$ref": "#/components/schemas/Article", **spec})
    checked = 0
    for article in articles.values():
        served = client.get(f"/api/articles/{article.id}")
        if served.status_code == 200:
            validator.validate(served.json())
            checked += 1
    assert checked >= 2
    broken = {**next(iter(articles.values())).to_dict(), "events": [{"cameo": 36}]}
    assert not validator.is_valid(broken)
