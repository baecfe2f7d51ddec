"""Replay the move of ui/ into sub-packages on another branch: git mv, then rewrite imports.

Run from the repository root on a clean tree: ``python docs/moves/ui_layout.py``, then
``ruff check --fix . && ruff format .``. Modules and tests already moved are skipped, and the
imports of code written against the flat ui/ (``from ui import caseload_page``) are rewritten to
the new places, keeping the local names, so the rest of that code reads as before.
"""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

ROOT = Path.cwd()
UI = {
    "caseload_page": "caseload.page",
    "caseload_model": "caseload.table_model",
    "caseload_filters": "caseload.filters",
    "import_dialog": "caseload.import_dialog",
    "retention_dialog": "caseload.retention_dialog",
    "client_view": "client.view",
    "client_dialog": "client.details_dialog",
    "client_entry": "client.entry",
    "client_fields": "client.fields",
    "client_forms": "client.forms",
    "client_plan_forms": "client.plan_forms",
    "client_timeline": "client.timeline",
    "erase_dialog": "client.erase_dialog",
    "quickscan_page": "quickscan.page",
    "quickscan_fill": "quickscan.fill",
    "quickscan_question": "quickscan.question",
    "quickscan_result": "quickscan.result",
    "quickscan_start": "quickscan.start",
    "quickscan_history": "quickscan.history",
    "quickscan_compare": "quickscan.compare",
    "quickscan_models": "quickscan.table_models",
    "reports_page": "reports.page",
    "report_form": "reports.form",
    "report_jobs": "reports.window_job",
    "report_preview": "reports.preview",
    "report_render": "reports.render",
    "app_lock": "security.idle_lock",
    "passphrase_dialog": "security.passphrase_dialog",
    "security_actions": "security.actions",
    "audit_dialog": "security.audit_dialog",
    "settings_page": "settings.page",
    "profile_form": "settings.profile_form",
    "backup_actions": "settings.backup_actions",
    "main_window": "shell.main_window",
    "welcome_page": "shell.welcome_page",
    "info_dialogs": "shell.info_dialogs",
}
PKG_DOCS = {
    "caseload": "The caseload page: the list with its filters and model, import and retention.",
    "client": "A client's file: the view, its entry forms, the timeline, the details and erase dialogs.",
    "quickscan": "The quickscan pages: start, fill in, result, history and the comparisons.",
    "reports": "The Rapporten page, its form and preview, and making a report.",
    "security": "The idle lock, the passphrase dialogs, the security actions and the audit log.",
    "settings": "The settings page, the profile form and the backup actions.",
    "shell": "The main window and what frames it: the welcome page and the information dialogs.",
}
TESTS = {
    "test_caseload_model": "caseload/test_table_model",
    "test_caseload_page": "caseload/test_page",
    "test_import_dialog": "caseload/test_import_dialog",
    "test_retention_dialog": "caseload/test_retention_dialog",
    "test_client_forms": "client/test_forms",
    "test_privacy_actions": "client/test_privacy_actions",
    "test_quickscan_access": "quickscan/test_access",
    "test_quickscan_fill": "quickscan/test_fill",
    "test_quickscan_kill": "quickscan/test_kill",
    "test_quickscan_results": "quickscan/test_results",
    "test_report_jobs": "reports/test_window_job",
    "test_report_making": "reports/test_making",
    "test_reports_page": "reports/test_page",
    "test_app_lock": "security/test_idle_lock",
    "test_lock_dialogs": "security/test_lock_dialogs",
    "test_passphrase_dialog": "security/test_passphrase_dialog",
    "test_security_window": "security/test_security_window",
    "test_audit_dialog": "security/test_audit_dialog",
    "test_main_window": "shell/test_main_window",
    "test_disk_trouble_window": "shell/test_disk_trouble_window",
    "test_listeners": "shell/test_listeners",
    "test_undo": "shell/test_undo",
}


def git(*arguments: str) -> None:
    """Run git in the repository."""
    subprocess.run(["git", *arguments], cwd=ROOT, check=True)


# 1. moves
for pkg, doc in PKG_DOCS.items():
    d = ROOT / "ui" / pkg
    d.mkdir(exist_ok=True)
    init = d / "__init__.py"
    if not init.exists():
        init.write_text(f'"""{doc}"""\n')
        git("add", str(init))
for old, new in UI.items():
    if (ROOT / f"ui/{old}.py").exists():
        git("mv", f"ui/{old}.py", "ui/" + new.replace(".", "/") + ".py")
for old, new in TESTS.items():
    (ROOT / "tests/ui" / new).parent.mkdir(exist_ok=True)
    if (ROOT / f"tests/ui/{old}.py").exists():
        git("mv", f"tests/ui/{old}.py", f"tests/ui/{new}.py")


# 2. rewrite imports
def render(module: str, names: list[tuple[str, str | None]]) -> str:
    """One ``from module import a, b as c`` line."""
    return f"from {module} import " + ", ".join(
        n if a is None or a == n else f"{n} as {a}" for n, a in names
    )


files = [
    p
    for d in ("app", "ui", "tests", "bench")
    for p in (ROOT / d).rglob("*.py")
    if "__pycache__" not in p.parts
]
for path in files:
    src = path.read_text(encoding="utf-8")
    tree = ast.parse(src)
    lines = src.splitlines(keepends=True)
    edits = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or node.level != 0 or not node.module:
            continue
        indent = " " * node.col_offset
        if node.module == "ui":
            keep, out = [], []
            for alias in node.names:
                if alias.name in UI:
                    pkg, name = UI[alias.name].rsplit(".", 1)
                    out.append(render(f"ui.{pkg}", [(name, alias.asname or alias.name)]))
                else:
                    keep.append((alias.name, alias.asname))
            if not out:
                continue
            stmts = ([render("ui", keep)] if keep else []) + out
            edits.append((node.lineno, node.end_lineno, "".join(indent + s + "\n" for s in stmts)))
        elif node.module.startswith("ui."):
            head = node.module.split(".")[1]
            if head in UI:
                rest = node.module.split(".")[2:]
                newmod = ".".join(["ui", *UI[head].split("."), *rest])
                names = [(a.name, a.asname) for a in node.names]
                edits.append((node.lineno, node.end_lineno, indent + render(newmod, names) + "\n"))
    for start, end, text in sorted(edits, reverse=True):
        lines[start - 1 : end] = [text]
    new = "".join(lines)

    # code written as text (a child process's script in a test): the same, line by line
    def rewrite_line(match: re.Match[str]) -> str:
        indent, names = match.group(1), [n.strip() for n in match.group(2).split(",")]
        if not any(name in UI for name in names):
            return match.group(0)
        keep = [(name, None) for name in names if name not in UI]
        moved = [
            render("ui." + UI[name].rsplit(".", 1)[0], [(UI[name].rsplit(".", 1)[1], name)])
            for name in names
            if name in UI
        ]
        lines_out = ([render("ui", keep)] if keep else []) + moved
        return "\n".join(indent + line for line in lines_out)

    new = re.sub(r"^([ \t]*)from ui import ([\w, ]+)$", rewrite_line, new, flags=re.M)
    # module names and file paths written as text (tests, the listener check)
    for old, target in UI.items():
        new = re.sub(
            rf"(['\"])ui\.{old}\b", lambda m, target=target: m.group(1) + "ui." + target, new
        )
        new = new.replace(f'"ui/{old}.py"', '"ui/' + target.replace(".", "/") + '.py"')
    for old, target in TESTS.items():
        new = new.replace(f'"tests/ui/{old}.py"', f'"tests/ui/{target}.py"')
    if path.is_relative_to(ROOT / "tests/ui") and path.parent != ROOT / "tests/ui":
        here = path.parent.name
        new = new.replace("from .keyboard import", "from ..keyboard import")
        new = new.replace("from .modal_driver import", "from ..modal_driver import")
        if here != "shell":
            new = new.replace(
                "from .test_main_window import", "from ..shell.test_main_window import"
            )
    if new != src:
        path.write_text(new, encoding="utf-8")
