"""The admin at 1280 px: list columns on screen, no time-zone noise, the add-meeting form."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.conftest import open_context
from tests.factories import SecretariatUserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_admin_lists_show_every_column_at_1280_px(browser, live_server, lang, screenshot):
    call_command("load_seed_data", verbosity=0)
    user = SecretariatUserFactory(is_superuser=True)
    context = open_context(browser, live_server, lang, "desktop", user)
    page = context.new_page()
    for model in ["progressupdate", "pledge", "indicator"]:
        page.goto(f"{live_server.url}/admin/pledges/{model}/")
        headers = page.locator("#result_list thead th")
        assert headers.count() > 3
        for i in range(headers.count()):
            box = headers.nth(i).bounding_box()
            assert box["x"] + box["width"] <= 1280, (model, headers.nth(i).inner_text())
        # Titles wrap at a readable width: no row is taller than three lines or so.
        for row in page.locator("#result_list tbody tr").all():
            assert row.bounding_box()["height"] < 90, (model, row.inner_text())
        screenshot(page, f"admin-{model}-list-{lang}")
    context.close()


def test_add_meeting_form_has_no_time_zone_noise(browser, live_server, screenshot):
    user = SecretariatUserFactory(is_superuser=True)
    # A browser in Paris: Django's admin would say "N hours behind server time" per field.
    context = open_context(browser, live_server, "en", "desktop", user, timezone_id="Europe/Paris")
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/meetings/meeting/add/")
    expect(page.locator("#id_number")).to_have_value("1")
    expect(page.locator("#id_is_published")).not_to_be_checked()
    expect(page.locator("text=/server time/ >> visible=true")).to_have_count(0)
    expect(page.get_by_text("All dates and times are Japan time (JST).")).to_be_visible()
    screenshot(page, "admin-meeting-add-en")
    context.close()
