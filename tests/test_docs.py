"""The README and the CI script say what the code does."""

from __future__ import annotations

import re
from pathlib import Path

from gl_plan.errors import Code

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_problem_code_is_in_the_readme_table() -> None:
    listed = set(re.findall(r"^\| [^|]* \| `([a-z-]+)` \|", README, flags=re.MULTILINE))
    assert listed == {c.value for c in Code}


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    fence = re.findall(
        r"```sh\n# install with the test tools and run the tests\n(?:#.*\n)*(.+)\n```", README
    )
    assert len(fence) == 1
    assert fence[0] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_readme_points_nowhere_outside_the_repository() -> None:
    assert "shared/" not in README
    assert "DOMAIN.md" not in README
