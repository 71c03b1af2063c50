"""axe-core in the browser tests (axe-playwright-python ships axe-core; nothing is fetched).

``axe_problems(page)`` runs axe on the page as it stands and returns one line per critical
or serious violation and element, naming the rule, the element and what axe says to fix;
``assert_accessible(page)`` fails with those lines.
"""

from axe_playwright_python.sync_playwright import Axe

BLOCKING_IMPACTS = ("critical", "serious")

_AXE = Axe()


def axe_problems(page, *, impacts=BLOCKING_IMPACTS) -> list[str]:
    results = _AXE.run(page, options={"resultTypes": ["violations"]})
    problems = []
    for violation in results.response["violations"]:
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
