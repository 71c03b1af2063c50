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
