"""The meeting report on a phone, on a projector, and its meeting-day view, in the browser."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.conftest import open_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REPORT = "/meetings/1/report/"  # the seed's first meeting: the longest report


@pytest.fixture
def seeded(settings):
    settings.GRFNET_PUBLIC_DASHBOARD = True
    call_command("load_seed_data", verbosity=0)


def _page_height(page):
    return page.evaluate("document.documentElement.scrollHeight")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_report_is_readable_on_a_phone(browser, live_server, seeded, lang, screenshot):
    desktop_context = open_context(browser, live_server, lang, "desktop")
    desktop = desktop_context.new_page()
    desktop.goto(live_server.url + REPORT)
    desktop_height = _page_height(desktop)
    desktop_context.close()

    context = open_context(browser, live_server, lang, "phone")
    page = context.new_page()
    page.goto(live_server.url + REPORT)
    assert _page_height(page) < 3 * desktop_height
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scroll
    cells = page.evaluate(
        """() => [...document.querySelectorAll('.report-table td, .report-table tbody th')]
            .filter(c => c.offsetParent !== null && c.textContent.trim())
            .map(c => ({w: c.getBoundingClientRect().width, text: c.textContent.trim(),
                        wrap: getComputedStyle(c).overflowWrap,
                        brk: getComputedStyle(c).wordBreak}))"""
    )
    assert cells
    for cell in cells:
        assert cell["w"] >= 80, cell
        assert cell["wrap"] != "anywhere" and cell["brk"] != "break-all", cell
    # Each row of a table is a block that names its figures.
    first_change = page.locator("#network .report-stack tbody tr").first
    labels = first_change.locator("td[data-label]").evaluate_all(
        "cells => cells.map(c => getComputedStyle(c, '::before').content)"
    )
    assert labels[1] == ('"変更前"' if lang == "ja" else '"From"')
    screenshot(page, f"report-phone-{lang}")
    context.close()


def test_report_has_the_dashboards_colours_on_screen_and_greys_in_print(
    browser, live_server, seeded, screenshot
):
    context = open_context(browser, live_server, "en", "desktop")
    page = context.new_page()
    page.goto(live_server.url + REPORT)
    fill = "el => getComputedStyle(el).fill"
    after = page.locator("#network .stage-bar").nth(1)
    assert "#pattern-in_progress" in after.locator("rect.bar-in_progress").evaluate(fill)
    # Before the first meeting nobody had reported: the blank bar says so.
    expect(page.locator("#network .stage-chart-row").first).to_contain_text(
        "No published updates yet"
    )
    screenshot(page, "report-screen-colours-en")
    page.emulate_media(media="print")
    assert after.locator("rect.bar-in_progress").evaluate(fill) == "rgb(122, 122, 122)"
    context.close()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_meeting_day_view_moves_by_keyboard_and_links_without_javascript(
    browser, live_server, seeded, lang, screenshot
):
    context = open_context(browser, live_server, lang, 1280, java_script_enabled=False)
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(live_server.url + REPORT)
    page.get_by_role("link", name="会合当日の表示" if lang == "ja" else "Meeting-day view").click()
    expect(page).to_have_url(f"{live_server.url}/meetings/1/report/screen/")
    expect(page.locator("h1")).to_contain_text("第1回" if lang == "ja" else "First Japan")
    screenshot(page, f"report-screen-1-{lang}")
    expect(page.locator("a[accesskey=n]")).to_be_focused()  # the Next link has the focus
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/meetings/1/report/screen/2/")
    expect(page.locator("a[accesskey=n]")).to_be_focused()
    expect(page.locator("a[accesskey=p]")).to_have_attribute("href", "/meetings/1/report/screen/1/")
    screenshot(page, f"report-screen-2-{lang}")
    # One part per screen: the large type still fits the projector's 1280 x 720.
    assert page.evaluate("document.documentElement.scrollHeight") <= 800
    page.locator("a[accesskey=n]").click()
    page.locator("a[accesskey=p]").click()
    expect(page).to_have_url(f"{live_server.url}/meetings/1/report/screen/2/")
    context.close()
