"""``glplan init``: make a project folder and say what to do next."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Final

import typer

from gl_plan.cli.application import command_app
from gl_plan.cli.common import LangOption, emit, handle_errors, resolve_lang
from gl_plan.cli.help import LocalisedCommand, examples
from gl_plan.errors import Code, GlplanError
from gl_plan.i18n import Lang, _
from gl_plan.project import Created, Template, create_project

app = command_app()

#: What each file of a new project is; the plan by its template.
_WHAT: Final = {
    "data/plan.yaml": _("the plan: a copy of the bundled plan (Guilin's 2022 action plan)"),
    "data/plan.yaml empty": _("the plan: a template to fill in"),
    "data/indicators/README.md": _(
        "the county files go here; its README.md lists the layouts read"
    ),
    "data/progress.csv": _("the task progress ledger (header only)"),
    ".gitignore": _("keeps the ledger's lock file and temporary files out of git"),
}
#: The last steps the report of a new project suggests.
_NEXT_STEPS: Final = (
    _("put the county files in data/indicators/ as they arrive (CSV or Excel)"),
    _("glplan validate --data data/indicators   checks the plan and the files"),
    _("glplan check                             the report (--output report.html: a page)"),
)


@app.command(
    "init",
    cls=LocalisedCommand,
    help="help.init",
    epilog=examples("glplan init guilin-2026", "glplan init my-province --template empty"),
)
@handle_errors
def init(
    folder: Annotated[
        Path,
        typer.Argument(
            help="help.init.folder",
            file_okay=False,
        ),
    ] = Path("."),
    template: Annotated[
        str,
        typer.Option(
            "--template",
            "-t",
            help="help.init.template",
        ),
    ] = Template.GUILIN.value,
    lang: LangOption = None,
) -> None:
    """Make a project folder (the help: ``help.init``)."""
    language = resolve_lang(lang)
    try:
        chosen = Template(template.strip().lower())
    except ValueError:
        allowed = ", ".join(t.value for t in Template)
        raise GlplanError.single(
            _(
                "--template must be one of {allowed}, not {value!r}",
                allowed=allowed,
                value=template,
            ),
            code=Code.USAGE,
        ) from None
    created = create_project(folder, chosen)
    emit("\n".join(_report(created, chosen, language)))


def _report(created: Created, template: Template, lang: Lang) -> list[str]:
    root = created.root
    lines = [_("Created a glplan project in {root}:", root=root).text(lang)]
    for path in (*created.written, *created.kept):
        name = path.relative_to(root).as_posix()
        key = f"{name} empty" if name.endswith("plan.yaml") and template is Template.EMPTY else name
        what = (_("already there, kept") if path in created.kept else _WHAT[key]).text(lang)
        shown = name.removesuffix("README.md")  # the folder is what matters
        lines.append(f"  {shown:<19}  {what}")
    lines.append(_("Next:").text(lang))
    steps = []
    if os.path.abspath(root) != os.getcwd():
        steps.append(_("cd {root}", root=root).text(lang))
    if template is Template.EMPTY:
        steps.append(
            _("fill in data/plan.yaml: your regions, indicators, targets and tasks").text(lang)
        )
    steps += [step.text(lang) for step in _NEXT_STEPS]
    lines += [f"  {step}" for step in steps]
    return lines
