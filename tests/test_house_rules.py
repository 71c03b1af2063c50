"""Rules of the house that a reviewer would otherwise have to check by eye."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ["accounts", "organizations", "pledges", "meetings", "dashboards", "exchange"]
VIEW_MODULES = sorted(path for app in APPS for path in (ROOT / app).glob("views*.py"))
MAX_VIEW_LINES = 40


def _functions(path: Path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            yield node
        elif isinstance(node, ast.ClassDef):
            yield from (n for n in node.body if isinstance(n, ast.FunctionDef))


@pytest.mark.parametrize("path", VIEW_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_views_stay_thin(path):
    """A view that grows past 40 lines decides what a service or selector should."""
    too_long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in _functions(path)
        if node.end_lineno - node.lineno + 1 > MAX_VIEW_LINES
    ]
    assert not too_long, f"{path.name}: {', '.join(too_long)}"


TEMPLATES = ROOT / "templates"
MAX_TEMPLATE_LINE = 120


def test_template_lines_stay_short():
    """No template line is longer than 120 characters, as djLint's max_line_length says.

    Django tags cannot span lines, so a long line is broken between attributes, inside a
    {% blocktranslate trimmed %}, or by taking values out with {% with %}: never by adding
    whitespace where the page would show it.
    """
    paths = sorted(p for p in TEMPLATES.rglob("*") if p.suffix in {".html", ".txt"})
    assert paths
    too_long = [
        f"{path.relative_to(ROOT)}:{number} ({len(line)} characters)"
        for path in paths
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if len(line) > MAX_TEMPLATE_LINE
    ]
    assert not too_long, "\n".join(too_long)
