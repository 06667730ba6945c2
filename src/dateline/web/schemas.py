"""JSON Schemas of the article record, generated from its dataclasses (`dateline.records`).

`/api/openapi.json` serves `static/openapi.json` with its `Article` and `Event` components (and every record
type they hold) replaced by these, so the API's description cannot drift from the record: a field added to a
dataclass appears in the schema with its type, required when it has no default.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import types
import typing
from typing import Any

from dateline import records

REF = "#/components/schemas/"
_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
}


def _schema(hint: Any, found: dict[str, type]) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        inner = (
            _schema(options[0], found)
            if len(options) == 1
            else {"anyOf": [_schema(a, found) for a in options]}
        )
        if set(inner) == {"type"} and isinstance(inner["type"], str):
            return {"type": [inner["type"], "null"]}
        return {"anyOf": [inner, {"type": "null"}]}
    if origin is list:
        (item,) = typing.get_args(hint)
        return {"type": "array", "items": _schema(item, found)}
    if origin is dict:
        _, value = typing.get_args(hint)
        return {"type": "object", "additionalProperties": _schema(value, found)}
    if isinstance(hint, type) and issubclass(hint, records.Record):
        found[hint.__name__] = hint
        return {"$ref": REF + hint.__name__}
    if hint in _SCALARS:
        return dict(_SCALARS[hint])
    raise TypeError(f"{hint!r}: no JSON Schema for this type of the record")


# fields whose values the record's module lists
ENUMS = {("Event", "modality"): records.MODALITIES, ("Published", "basis"): records.PUBLISHED_BASES}


def _object(cls: type, found: dict[str, type]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in dataclasses.fields(cls):
        properties[field.name] = _schema(hints[field.name], found)
        if (cls.__name__, field.name) in ENUMS:
            properties[field.name]["enum"] = list(ENUMS[cls.__name__, field.name])
        if field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            required.append(field.name)
    schema: dict[str, Any] = {"type": "object", "properties": properties, "required": required}
    doc = inspect.getdoc(cls)
    if doc and not doc.startswith(cls.__name__ + "("):
        schema["description"] = " ".join(doc.split())
    return schema


@functools.cache
def record_schemas() -> dict[str, dict[str, Any]]:
    """Schemas of `Article` and every record type it holds, by class name (OpenAPI components)."""
    found: dict[str, type] = {"Article": records.Article, "Event": records.Event}
    schemas: dict[str, dict[str, Any]] = {}
    while len(schemas) < len(found):
        for name, cls in list(found.items()):
            if name not in schemas:
                schemas[name] = _object(cls, found)
    return dict(sorted(schemas.items()))
