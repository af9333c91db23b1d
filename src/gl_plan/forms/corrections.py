"""Which filled templates a correction replaces.

A county that finds a mistake sends its form again. Two filled templates of the same region
and period are the same report twice, so the one modified last is the county's word and the
other is superseded (its figures are not used, a warning names the newer file) instead of
every figure in both being rejected as a conflict, as two unrelated files' would be.
Only templates are matched: their keys say exactly which report they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class FiledForm:
    """A filled template as read: its file, the region and period of one of its sheets,
    and when the file was last modified (seconds since the epoch)."""

    file: str
    region: str
    period: str
    modified: float


def superseded(forms: Sequence[FiledForm]) -> dict[FiledForm, str]:
    """Each superseded form → the file that supersedes it (the latest modified of its
    region and period; on equal times the later name, as a folder lists them)."""
    latest: dict[tuple[str, str], FiledForm] = {}
    for form in forms:
        key = (form.region, form.period)
        best = latest.get(key)
        if best is None or (form.modified, form.file) > (best.modified, best.file):
            latest[key] = form
    return {
        form: newer.file
        for form in forms
        if (newer := latest[(form.region, form.period)]).file != form.file
    }
