"""The site on a 390 px phone: the menu without JavaScript, the dashboard, the list filters."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.conftest import open_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded(settings):
    settings.GRFNET_PUBLIC_DASHBOARD = True
    call_command("load_seed_data", verbosity=0)


@pytest.mark.parametrize(
    ("lang", "menu", "pledges"), [("ja", "メニュー", "プレッジ"), ("en", "Menu", "Pledges")]
)
def test_phone_menu_opens_without_javascript(
    browser, live_server, seeded, lang, menu, pledges, screenshot
):
    context = open_context(browser, live_server, lang, "phone", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/meetings/")
    link = page.locator("header .site-menu").get_by_role("link", name=pledges, exact=True)
    expect(link).to_be_hidden()
    page.get_by_text(menu, exact=True).click()
    expect(link).to_be_visible()
    screenshot(page, f"phone-menu-open-{lang}")
    link.click()
    expect(page).to_have_url(f"{live_server.url}/pledges/")
    context.close()


def test_desktop_shows_the_menu_without_a_toggle(browser, live_server, seeded):
    context = open_context(browser, live_server, "en", "desktop")
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    expect(page.locator("summary.site-menu-toggle")).to_be_hidden()
    expect(page.locator("#site-nav").get_by_role("link", name="Meetings")).to_be_visible()
    context.close()


@pytest.mark.parametrize(
    ("lang", "summary"), [("ja", "絞り込み（2 件適用中）"), ("en", "Filters (2 active)")]
)
def test_list_filters_fold_behind_a_summary_on_phones(
    browser, live_server, seeded, lang, summary, screenshot
):
    context = open_context(browser, live_server, lang, "phone", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/pledges/?stage=in_progress&objective=2")
    stage = page.locator("#id_stage")
    expect(stage).to_be_hidden()
    expect(page.locator("#id_q")).to_be_visible()  # the search box stays in view
    # The first pledge shows on the first screen.
    assert page.locator(".pledge-row").first.bounding_box()["y"] < 844
    screenshot(page, f"phone-pledge-list-{lang}")
    page.get_by_text(summary).click()
    expect(stage).to_be_visible()
    context.close()

    desktop_context = open_context(browser, live_server, lang, "desktop")
    desktop = desktop_context.new_page()
    desktop.goto(f"{live_server.url}/pledges/?stage=in_progress&objective=2")
    expect(desktop.locator("#id_stage")).to_be_visible()
    expect(desktop.get_by_text(summary)).to_be_hidden()
    desktop_context.close()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_dashboard_breakdowns_are_compact_cards_on_phones(
    browser, live_server, seeded, lang, screenshot
):
    context = open_context(browser, live_server, lang, "phone")
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    row = page.locator("#by-objective tbody tr").first
    box = row.bounding_box()
    assert box["width"] <= 390
    # Every figure of the row is on screen with its column's name, none scrolled away.
    for cell in row.locator("td").all():
        cell_box = cell.bounding_box()
        assert cell_box["x"] >= 0 and cell_box["x"] + cell_box["width"] <= 390
        label = cell.evaluate("c => getComputedStyle(c, '::before').content")
        assert label not in ("none", '""')
    screenshot(page, f"phone-dashboard-{lang}")
    context.close()


def test_dashboard_breakdowns_are_a_few_keys_away(browser, live_server, seeded):
    context = open_context(browser, live_server, "en", "desktop")
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    contents = page.get_by_role("navigation", name="On this page")
    contents.get_by_role("link", name="By organization").click()
    expect(page).to_have_url(f"{live_server.url}/#by-organization")
    context.close()
