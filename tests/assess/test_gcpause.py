"""The garbage-collector settings of a run: paused while building, frozen only in glplan's own
process."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from gl_plan import cli, gcpause


@pytest.fixture
def unfrozen() -> Iterator[None]:
    """Whatever a test froze goes back to the collector."""
    yield
    gc.unfreeze()


def test_paused_gc_resumes_and_nests() -> None:
    assert gc.isenabled()
    with gcpause.paused_gc():
        assert not gc.isenabled()
        with gcpause.paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
    assert gc.isenabled()


def test_paused_gc_resumes_after_an_error() -> None:
    with pytest.raises(ValueError), gcpause.paused_gc():
        raise ValueError
    assert gc.isenabled()


def test_settle_does_nothing_outside_glplan_s_own_process(
    monkeypatch: pytest.MonkeyPatch, unfrozen: None
) -> None:
    """In-process callers (the API, these tests) keep their collector as it was."""
    monkeypatch.setattr(gcpause, "OWN_PROCESS", False)
    before = gc.get_freeze_count()
    gcpause.settle()
    assert gc.get_freeze_count() == before


def test_settle_freezes_what_is_alive_in_glplan_s_own_process(
    monkeypatch: pytest.MonkeyPatch, unfrozen: None
) -> None:
    monkeypatch.setattr(gcpause, "OWN_PROCESS", True)
    alive = [object() for _ in range(10)]
    gcpause.settle()
    assert gc.get_freeze_count() >= len(alive)


def test_the_console_script_marks_its_process(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    monkeypatch.setattr(gcpause, "OWN_PROCESS", False)
    monkeypatch.setattr(cli, "app", lambda: seen.append(gcpause.OWN_PROCESS))
    cli.main()
    assert seen == [True]
