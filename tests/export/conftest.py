"""The export tests use the store tests' fixtures (articles built by hand, a store per backend)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_path = Path(__file__).parents[1] / "store" / "conftest.py"
_spec = importlib.util.spec_from_file_location("dateline_tests_store_fixtures", _path)
assert _spec is not None and _spec.loader is not None
_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_fixtures)

wire_a = _fixtures.wire_a
wire_b = _fixtures.wire_b
other = _fixtures.other
sample = _fixtures.sample
postgres_schema = _fixtures.postgres_schema
store_url = _fixtures.store_url
store = _fixtures.store
make_article = _fixtures.make_article
make_event = _fixtures.make_event
