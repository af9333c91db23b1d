"""The corpus of bad inputs, made once per session in a temporary folder (never committed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hardening_support import BAD


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every bad input, built once: name -> path."""
    folder = tmp_path_factory.mktemp("corpus")
    out: dict[str, Path] = {}
    for name, bad in BAD.items():
        sub = folder / name
        sub.mkdir()
        out[name] = bad.build(sub)
    return out
