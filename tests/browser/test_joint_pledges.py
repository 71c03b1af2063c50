"""Joint pledges in the browser: the report says who reported each quoted update and lists
a co-pledger's joint pledges as its partner's reports; the organization page says who
reported. axe-core passes on both; screenshots in both languages at 1280 and 390 px."""

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible
from tests.browser.conftest import open_context
from tests.meetings.test_joint_pledges import SCHOLARS, joint  # noqa: F401 - shared fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REPORTED_BY = {"en": "Reported by Pathways Japan", "ja": "パスウェイズ・ジャパンが報告"}
PARTNER_HEADING = {
    "en": "Joint pledges a partner reported on",
    "ja": "パートナー団体が報告した共同プレッジ",
}


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_report_and_organization_page_say_who_reported(
    browser,
    live_server,
    settings,
    joint,  # noqa: F811
    lang,
    width,
    screenshot,
):
    settings.GRFNET_PUBLIC_DASHBOARD = True
    context = open_context(browser, live_server, lang, width)
    page = context.new_page()

    page.goto(f"{live_server.url}/meetings/2/report/")
    reporter = page.locator("#organization-pathways figcaption").first
    expect(reporter).to_contain_text(REPORTED_BY[lang])
    expect(reporter).to_be_visible()
    co_pledger = page.locator("#organization-jicuf")
    expect(co_pledger.get_by_role("heading", name=PARTNER_HEADING[lang])).to_be_visible()
    expect(co_pledger.locator(".partner-list")).to_contain_text(REPORTED_BY[lang])
    expect(co_pledger).not_to_contain_text(SCHOLARS)
    if lang == "ja":  # a name known only in English keeps its language in the sentence
        expect(co_pledger.locator('.partner-list span[lang="en"]').first).to_be_visible()
    assert_accessible(page)
    screenshot(page, f"joint-report-{lang}-{width}")

    page.goto(f"{live_server.url}/organizations/jicuf/")
    row = page.locator(".pledge-row").filter(has=page.locator(".reported-by"))
    expect(row.first).to_contain_text(REPORTED_BY[lang])
    assert_accessible(page)
    screenshot(page, f"joint-organization-{lang}-{width}")
    context.close()
