"""axe-core (bundled by axe-playwright-python) on a page: the violations, readable."""

from axe_playwright_python.sync_playwright import Axe

_axe = Axe()


def axe_violations(page, *selectors: str) -> list[str]:
    """Each violation as "rule: impact (n nodes) help", empty when the page passes. With
    ``selectors``, only those parts of the page are checked (what a change added to a page
    that others own)."""
    context = {"include": [[s] for s in selectors]} if selectors else None
    results = _axe.run(page, context=context)
    return [
        f"{v['id']}: {v['impact']} ({len(v['nodes'])} nodes) {v['help']} "
        f"{[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]
