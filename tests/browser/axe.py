"""axe-core (bundled by axe-playwright-python) on a page: the violations, readable."""

from axe_playwright_python.sync_playwright import Axe

_axe = Axe()


def axe_violations(page) -> list[str]:
    """Each violation as "rule: impact (n nodes) help", empty when the page passes."""
    results = _axe.run(page)
    return [
        f"{v['id']}: {v['impact']} ({len(v['nodes'])} nodes) {v['help']} "
        f"{[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]
