"""Both languages all the way down, on the seeded network: the dashboard, a pledge page and
a meeting report in Japanese and English, with content in the other language marked.

Screenshots land in artifacts/screenshots/ (bilingual-*.png).
"""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded(settings):
    settings.GRFNET_PUBLIC_DASHBOARD = True
    call_command("load_seed_data", verbosity=0)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_dashboard_pledge_and_report_read_in_each_language(
    browser, live_server, seeded, screenshot, language
):
    context = browser.new_context(
        locale="ja-JP" if language == "ja" else "en-GB", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()

    page.goto(f"{live_server.url}/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    as_of = "現在。" if language == "ja" else "As of "
    expect(page.locator(".page-intro")).to_contain_text(as_of)
    screenshot(page, f"bilingual-dashboard-{language}")

    # The Sony pledge has English only: on the Japanese page it says so.
    page.goto(f"{live_server.url}/pledges/3/")
    if language == "ja":
        expect(page.locator("h1 [lang=en]")).to_have_text(
            "Partnership with UNHCR through the Sony Global Relief Fund for COVID-19"
        )
        expect(page.locator(".timeline-item .lang-note").first).to_have_text("英語で記載")
        expect(page.locator(".uncertain-note")).to_contain_text("確認されていません")
    else:
        expect(page.locator("h1 [lang]")).to_have_count(0)
        expect(page.locator(".uncertain-note")).to_contain_text("unverified")
    expect(page.get_by_role("link", name="globalcompactrefugees", exact=False)).to_have_count(0)
    expect(page.locator(".source-list a").first).to_have_attribute(
        "href",
        "https://globalcompactrefugees.org/news-stories/"
        "japan-global-refugee-forum-network-kicks-and-launches-national-refugee",
    )
    screenshot(page, f"bilingual-pledge-{language}")

    # The joint pledge has its sourced Japanese title; in English the page shows English.
    page.goto(f"{live_server.url}/pledges/13/")
    title = (
        "日本における教育と就労を通じたパスウェイズの推進"
        if language == "ja"
        else "Advancing Education and Labor Mobility Pathways in Japan"
    )
    expect(page.locator("h1")).to_have_text(title)
    screenshot(page, f"bilingual-joint-pledge-{language}")

    page.goto(f"{live_server.url}/meetings/1/report/")
    expect(page.locator(".report-subtitle")).to_contain_text(
        "第1回" if language == "ja" else "First Japan Global Refugee Forum"
    )
    if language == "ja":  # English updates in the Japanese report are marked
        expect(page.locator(".meeting-report [lang=en]").first).to_be_attached()
    screenshot(page, f"bilingual-report-{language}")

    page.goto(f"{live_server.url}/meetings/")
    review = "グローバル難民フォーラム進捗レビュー会合" if language == "ja" else "Progress Review"
    expect(page.get_by_text(review)).to_be_visible()
    screenshot(page, f"bilingual-meetings-{language}")
    context.close()


def test_searching_nanmin_in_the_browser_lists_the_pledges_that_say_it(
    browser, live_server, seeded, screenshot
):
    context = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/pledges/")
    page.fill("input[name=q]", "難民 教育")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"q="))
    expect(page.locator("main")).to_contain_text(
        "日本における難民の高等教育推進のための奨学金プログラムの提供"
    )
    screenshot(page, "bilingual-search-ja")
    context.close()
