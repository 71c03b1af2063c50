import pytest
from playwright.sync_api import expect

from tests.factories import ObjectiveFactory, OrganizationFactory, PledgeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_context_args(browser_context_args):
    """A browser set to Japanese, as most of the network's members use."""
    return {**browser_context_args, "locale": "ja-JP", "viewport": {"width": 1280, "height": 900}}


def test_visitor_reads_the_dashboard_and_switches_language(page, live_server, settings, screenshot):
    settings.GRFNET_PUBLIC_DASHBOARD = True
    objective = ObjectiveFactory(
        number=2, title_en="Enhance refugee self-reliance", title_ja="難民の自立促進"
    )
    for n in (1, 3, 4):
        ObjectiveFactory(number=n)
    PledgeFactory(
        title_en="Refugees' inclusion in Japan's labour market",
        title_ja="",
        lead_organization=OrganizationFactory(name_en="Welcome Japan", name_ja=""),
        objectives=[objective],
    )

    page.goto(live_server.url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    expect(page.get_by_role("link", name="目標2 難民の自立促進")).to_be_visible()
    expect(page.get_by_role("link", name="Welcome Japan")).to_be_visible()
    screenshot(page, "home-ja")

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(
        page.get_by_role("link", name="Objective 2 Enhance refugee self-reliance")
    ).to_be_visible()
    screenshot(page, "home-en")
