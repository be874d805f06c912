from __future__ import annotations

import json

from extract.models import json_schemas

from conftest import ROOT


def test_schema_files_match_the_models():
    for name, schema in json_schemas().items():
        path = ROOT / "schemas" / name
        assert path.exists(), f"{path} is missing: run `make schemas`"
        on_disk = json.loads(path.read_text(encoding="utf-8"))
        assert on_disk == schema, f"{path} is out of date with extract.models: run `make schemas`"
