"""Golden files for what people read: the table, Markdown and CSV of ``check`` and ``tasks``.

Inputs: the bundled plan, the small data set in tests/fixtures/golden/ (four counties,
the city computed from them) and its ledger, as of a fixed date. After an intended change
of a report, regenerate with ``GLPLAN_UPDATE_GOLDEN=1 pytest tests/report`` and read the
diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from report_fixtures import GOLDEN, fixture_args, run

UPDATE = os.environ.get("GLPLAN_UPDATE_GOLDEN") == "1"
SUFFIX = {"table": "txt", "markdown": "md", "csv": "csv"}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
@pytest.mark.parametrize("command", ["check", "tasks"])
def test_report_matches_golden_file(command: str, fmt: str, lang: str) -> None:
    result = run(*fixture_args(command), "--format", fmt, "--lang", lang)
    golden = GOLDEN / f"{command}_{lang}.{SUFFIX[fmt]}"
    if UPDATE:
        golden.write_text(result.stdout, encoding="utf-8")
    assert golden.is_file(), f"missing {golden.name}: run with GLPLAN_UPDATE_GOLDEN=1"
    assert result.stdout == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["check", "tasks"])
def test_output_file_equals_stdout(command: str, tmp_path: Path) -> None:
    """``--output report.md`` writes what ``--format markdown`` prints."""
    target = tmp_path / "report.md"
    run(*fixture_args(command), "--lang", "en", "--output", str(target))
    stdout = run(*fixture_args(command), "--lang", "en", "--format", "markdown").stdout
    assert target.read_text(encoding="utf-8") == stdout
