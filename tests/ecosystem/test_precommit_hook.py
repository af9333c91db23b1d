"""The glplan-validate pre-commit hook, tried the way a user adds it: `pre-commit try-repo`.

This installs glplan into pre-commit's own environment (from this repository), so it is the
slowest test; it runs once for a good and a broken plan.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BROKEN = ROOT / "tests" / "fixtures" / "plans" / "bad" / "bad_phrase.yaml"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("pre-commit") is None
        and not (Path(os.sys.executable).parent / "pre-commit").exists(),
        reason="pre-commit is not installed (it comes with the dev extra)",
    ),
]


def _pre_commit() -> str:
    local = Path(os.sys.executable).parent / "pre-commit"
    return str(local) if local.exists() else "pre-commit"


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture(scope="module")
def user_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A user's repository holding a good plan and a broken one."""
    repo = tmp_path_factory.mktemp("user-repo")
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "t@example.invalid")
    _git(repo, "config", "user.name", "t")
    (repo / "good").mkdir()
    (repo / "broken").mkdir()
    shutil.copy(ROOT / "data" / "plan.yaml", repo / "good" / "plan.yaml")
    shutil.copy(BROKEN, repo / "broken" / "plan.yaml")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "plans")
    return repo


def _try_repo(repo: Path, home: Path, target: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run(
        [_pre_commit(), "try-repo", str(ROOT), "glplan-validate", "--files", target],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_hook_passes_on_a_good_plan_and_fails_on_a_broken_one(
    user_repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    home = tmp_path_factory.mktemp("pre-commit-home")
    good = _try_repo(user_repo, home, "good/plan.yaml")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout

    broken = _try_repo(user_repo, home, "broken/plan.yaml")
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "Failed" in broken.stdout
    assert "broken/plan.yaml:47:9: actions.0.tasks.0.deadline" in broken.stdout
