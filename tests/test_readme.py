"""The README's JSON examples can be pasted as they are: each ```json block
parses, and one that is a plan (it has ``schema_version``) validates."""

from __future__ import annotations

import json
import re
from pathlib import Path

from schemas import load_plan

README = Path(__file__).resolve().parent.parent / "README.md"
JSON_BLOCK = re.compile(r"^```json\n(.*?)^```", re.DOTALL | re.MULTILINE)


def test_every_json_block_of_the_readme_is_valid_json():
    text = README.read_text(encoding="utf-8")
    assert "```jsonc" not in text
    blocks = JSON_BLOCK.findall(text)
    assert blocks
    plans = 0
    for block in blocks:
        data = json.loads(block)
        if isinstance(data, dict) and "schema_version" in data:
            load_plan(data)
            plans += 1
    assert plans >= 1
