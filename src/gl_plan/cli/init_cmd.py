"""``glplan init``: make a project folder and say what to do next."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Final

import typer

from gl_plan.cli.application import command_app
from gl_plan.cli.common import LangOption, emit, handle_errors, resolve_lang
from gl_plan.cli.help import LocalisedCommand, examples
from gl_plan.errors import Code, GlplanError, msg
from gl_plan.i18n import Lang, text
from gl_plan.project import Created, Template, create_project

app = command_app()

#: What each file of a new project is (``init.*`` texts); the plan by its template.
_WHAT: Final = {
    "data/plan.yaml": "init.plan",
    "data/plan.yaml empty": "init.plan_empty",
    "data/indicators/README.md": "init.indicators",
    "data/progress.csv": "init.progress",
    ".gitignore": "init.gitignore",
}


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
            msg("init.bad_template", allowed=allowed, value=template), code=Code.USAGE
        ) from None
    created = create_project(folder, chosen)
    emit("\n".join(_report(created, chosen, language)))


def _report(created: Created, template: Template, lang: Lang) -> list[str]:
    root = created.root
    lines = [text("init.created", lang, root=root)]
    for path in (*created.written, *created.kept):
        name = path.relative_to(root).as_posix()
        key = f"{name} empty" if name.endswith("plan.yaml") and template is Template.EMPTY else name
        what = text("init.kept" if path in created.kept else _WHAT[key], lang)
        shown = name.removesuffix("README.md")  # the folder is what matters
        lines.append(f"  {shown:<19}  {what}")
    lines.append(text("init.next", lang))
    steps = []
    if os.path.abspath(root) != os.getcwd():
        steps.append(text("init.cd", lang, root=root))
    if template is Template.EMPTY:
        steps.append(text("init.edit", lang))
    steps += [text(f"init.{key}", lang) for key in ("files", "validate", "check")]
    lines += [f"  {step}" for step in steps]
    return lines
