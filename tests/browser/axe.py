"""axe-core in the browser tests (axe-playwright-python ships axe-core; nothing is fetched).

``axe_problems(page)`` runs axe on the page as it stands and returns one line per critical
or serious violation and element, naming the rule, the element and what axe says to fix;
``assert_accessible(page)`` fails with those lines.
"""

from axe_playwright_python.sync_playwright import Axe

BLOCKING_IMPACTS = ("critical", "serious")

AXE_SCRIPT = Axe().axe_script


def _run_axe(page, context=None, *, read_stylesheets=True) -> list[dict]:
    """axe's violations on the page as it stands. The script is injected once per document,
    so that checking a page again (at another width) does not parse axe-core again; so may
    the stylesheets' reading (axe's ``preload``, for css-orientation-lock) be left out when
    the same document's were read already."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT)
    options = {"resultTypes": ["violations"], "preload": read_stylesheets}
    return page.evaluate(
        "([context, options]) => axe.run(context || document, options)", [context, options]
    )["violations"]


def axe_problems(page, *, impacts=BLOCKING_IMPACTS, read_stylesheets=True) -> list[str]:
    problems = []
    for violation in _run_axe(page, read_stylesheets=read_stylesheets):
        if violation["impact"] not in impacts:
            continue
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            summary = node.get("failureSummary", "").replace("\n", " ")
            problems.append(
                f"{violation['id']} ({violation['impact']}) at {target}: "
                f"{node['html'][:160]} -- {summary[:240]}"
            )
    return problems


def assert_accessible(page, *, impacts=BLOCKING_IMPACTS):
    problems = axe_problems(page, impacts=impacts)
    assert not problems, f"axe-core on {page.url}:\n" + "\n".join(problems)


def axe_violations(page, *selectors: str) -> list[str]:
    """Every violation (any impact) as "rule: impact (n nodes) help", empty when the page
    passes. With ``selectors``, only those parts of the page are checked (what a change
    added to a page that others own)."""
    context = {"include": [[s] for s in selectors]} if selectors else None
    return [
        f"{v['id']}: {v['impact']} ({len(v['nodes'])} nodes) {v['help']} "
        f"{[n['target'] for n in v['nodes']][:3]}"
        for v in _run_axe(page, context)
    ]
