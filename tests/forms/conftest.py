"""Templates written once per test module, filled as counties fill them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from typer.testing import CliRunner

from gl_plan.cli import app

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "data" / "plan.yaml"
AS_OF = "2026-11-28"
runner = CliRunner()


def glplan(*args: str) -> object:
    return runner.invoke(app, list(args), env={"GLPLAN_LANG": "en", "NO_COLOR": "1"})


def write_templates(folder: Path, *extra: str) -> list[Path]:
    result = glplan(
        "template", "--plan", str(PLAN), "--period", "2026Q3", "--output", str(folder), *extra
    )
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    return sorted(folder.glob("*.xlsx"))


def to_xls(path: Path, folder: Path) -> Path | None:
    """``path`` saved as Excel 97-2003 by LibreOffice, as a county's WPS or Excel would;
    None when LibreOffice is not installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    subprocess.run(
        [soffice, "--headless", "--convert-to", "xls", "--outdir", str(folder), str(path)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return folder / (path.stem + ".xls")
