"""Compile the gettext catalogues (``glplan.po`` to ``glplan.mo``) whenever a wheel is built,
which ``pip install .`` and ``pip install -e .`` both do: the ``.mo`` is generated, never
committed, and ships in the wheel (``artifacts`` in pyproject.toml, as it is gitignored)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogueHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        for po in sorted(Path(self.root, "src/gl_plan/locale").glob("*/LC_MESSAGES/*.po")):
            with po.open("rb") as fh:
                catalog = read_po(fh)
            # A fuzzy (unreviewed) entry is left out: English shows instead, and the tests
            # fail on it before it gets this far.
            with po.with_suffix(".mo").open("wb") as fh:
                write_mo(fh, catalog, use_fuzzy=False)
