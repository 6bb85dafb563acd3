"""Tests of the committed JSON Schemas."""

from __future__ import annotations

import json

import jsonschema
from hypothesis import given

from conftest import ROOT
from selectielijst import SelectionList
from selectielijst._storage._yaml import load
from selectielijst._workspace._schema import index_schema, snapshot_schema
from selectielijst.snapshots import dumps
from selectielijst.workspace import versions_folder
from strategies import selection_lists

SCHEMAS = ROOT / "schemas"


class TestCommitted:
    """The files in schemas/ are what the model generates."""

    def test_snapshot_schema_up_to_date(self) -> None:
        """Regenerate with `selectielijst schema > schemas/snapshot.schema.json`."""
        assert json.loads((SCHEMAS / "snapshot.schema.json").read_text()) == snapshot_schema()

    def test_index_schema_up_to_date(self) -> None:
        """Regenerate with `selectielijst schema --kind index > schemas/index.schema.json`."""
        assert json.loads((SCHEMAS / "index.schema.json").read_text()) == index_schema()

    def test_schemas_are_valid(self) -> None:
        """Both are valid JSON Schemas."""
        jsonschema.Draft202012Validator.check_schema(snapshot_schema())
        jsonschema.Draft202012Validator.check_schema(index_schema())


class TestShipped:
    """Every shipped file validates against its schema."""

    def test_snapshots_and_indexes(self) -> None:
        """Each index and each snapshot it lists."""
        checked = 0
        for index in versions_folder().glob("*/index.yaml"):
            jsonschema.validate(load(index.read_text()).data, index_schema())
            for snapshot in index.parent.glob("*/list.yaml"):
                jsonschema.validate(load(snapshot.read_text()).data, snapshot_schema())
                checked += 1
        assert checked >= 1

    @given(selection_lists())
    def test_generated_lists_validate(self, selection_list: SelectionList) -> None:
        """What write produces for any valid list satisfies the schema."""
        jsonschema.validate(load(dumps(selection_list)).data, snapshot_schema())

    def test_schema_rejects_unknown_keys(self) -> None:
        """The schema, like the reader, forbids keys it does not know."""
        document = load((versions_folder() / "mivd" / "0.16" / "list.yaml").read_text()).data
        document["titel"] = "x"
        validator = jsonschema.Draft202012Validator(snapshot_schema())
        assert not validator.is_valid(document)
