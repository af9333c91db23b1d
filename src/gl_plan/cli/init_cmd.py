"""``glplan init``: make a project folder and say what to do next."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Final

import typer

from gl_plan.cli.application import app
from gl_plan.cli.common import LangOption, emit, handle_errors, resolve_lang
from gl_plan.errors import Code, GlplanError
from gl_plan.i18n import Lang
from gl_plan.project import Created, Template, create_project

_WHAT: Final[dict[str, dict[Lang, str]]] = {
    "data/plan.yaml": {
        "zh": "计划:自带计划(桂林市 2022 年行动计划)的副本",
        "en": "the plan: a copy of the bundled plan (Guilin's 2022 action plan)",
    },
    "data/plan.yaml empty": {
        "zh": "计划:待填写的模板",
        "en": "the plan: a template to fill in",
    },
    "data/indicators/README.md": {
        "zh": "县区报表放在这里;其中 README.md 说明可读的表格式样",
        "en": "the county files go here; its README.md lists the layouts read",
    },
    "data/progress.csv": {
        "zh": "任务进展台账(只有表头)",
        "en": "the task progress ledger (header only)",
    },
    ".gitignore": {
        "zh": "不提交台账的锁文件和临时文件",
        "en": "keeps the ledger's lock file and temporary files out of git",
    },
}
_TEXT: Final[dict[str, dict[Lang, str]]] = {
    "created": {"zh": "已在 {root} 建立 glplan 项目:", "en": "Created a glplan project in {root}:"},
    "kept": {"zh": "已存在,保留", "en": "already there, kept"},
    "next": {"zh": "下一步:", "en": "Next:"},
    "cd": {"zh": "cd {root}", "en": "cd {root}"},
    "edit": {
        "zh": "在 data/plan.yaml 填写本地的地区、指标、目标和任务",
        "en": "fill in data/plan.yaml: your regions, indicators, targets and tasks",
    },
    "files": {
        "zh": "把各县区报送的报表原样放进 data/indicators/(CSV 或 Excel)",
        "en": "put the county files in data/indicators/ as they arrive (CSV or Excel)",
    },
    "validate": {
        "zh": "glplan validate --data data/indicators   检查计划和报表",
        "en": "glplan validate --data data/indicators   checks the plan and the files",
    },
    "check": {
        "zh": "glplan check                             生成报告(--output report.html 生成网页)",
        "en": "glplan check                             the report (--output report.html: a page)",
    },
}


@app.command("init")
@handle_errors
def init(
    folder: Annotated[
        Path,
        typer.Argument(
            help="The project folder (made if missing). Default: the current folder.",
            file_okay=False,
        ),
    ] = Path("."),
    template: Annotated[
        str,
        typer.Option(
            "--template",
            "-t",
            help="guilin: a copy of the bundled plan; empty: a small commented plan to fill "
            "in (one city, two counties, one indicator, one task) that validates as it is.",
        ),
    ] = Template.GUILIN.value,
    lang: LangOption = None,
) -> None:
    """Make a project folder: data/plan.yaml, data/indicators/ (with a README of the
    layouts glplan reads), data/progress.csv (the ledger's header) and a .gitignore.

    glplan then finds the project from that folder or any folder below it. Files already
    there are kept; a data/plan.yaml already there is never replaced (exit 2).

    Examples: ``glplan init guilin-2026``; ``glplan init my-province --template empty``
    """
    language = resolve_lang(lang)
    try:
        chosen = Template(template.strip().lower())
    except ValueError:
        allowed = ", ".join(t.value for t in Template)
        raise GlplanError.single(
            f"--template must be one of {allowed}, not {template!r}", code=Code.USAGE
        ) from None
    created = create_project(folder, chosen)
    emit("\n".join(_report(created, chosen, language)))


def _report(created: Created, template: Template, lang: Lang) -> list[str]:
    root = created.root
    lines = [_TEXT["created"][lang].format(root=root)]
    for path in (*created.written, *created.kept):
        name = path.relative_to(root).as_posix()
        key = f"{name} empty" if name.endswith("plan.yaml") and template is Template.EMPTY else name
        what = _TEXT["kept"][lang] if path in created.kept else _WHAT[key][lang]
        shown = name.removesuffix("README.md")  # the folder is what matters
        lines.append(f"  {shown:<19}  {what}")
    lines.append(_TEXT["next"][lang])
    steps = []
    if os.path.abspath(root) != os.getcwd():
        steps.append(_TEXT["cd"][lang].format(root=root))
    if template is Template.EMPTY:
        steps.append(_TEXT["edit"][lang])
    steps += [_TEXT["files"][lang], _TEXT["validate"][lang], _TEXT["check"][lang]]
    lines += [f"  {step}" for step in steps]
    return lines
